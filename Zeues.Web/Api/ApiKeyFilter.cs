namespace Zeues.Web.Api;

/// <summary>Every /api call and export passes <see cref="ApiAccess"/> (DOMAIN 8.1) or is answered 401.</summary>
public sealed class ApiKeyFilter(ApiAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        access.Allows(context.HttpContext) ? await next(context) : access.Refusal();
}
