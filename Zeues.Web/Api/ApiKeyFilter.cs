using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Zeues.Core.Domain;

namespace Zeues.Web.Api;

/// <summary>When Zeues:Api:Key is set, every /api call must carry it in X-Api-Key (DOMAIN 8.1).</summary>
public sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = options.Value.Key;
        if (string.IsNullOrEmpty(key)) return await next(context);
        var sent = context.HttpContext.Request.Headers["X-Api-Key"].ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(key))) return await next(context);
        return Results.Problem(title: "Falta la clave de API (X-Api-Key) o no es válida.", statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["code"] = "API_KEY_INVALIDA", ["data"] = new Dictionary<string, object?>() });
    }
}
