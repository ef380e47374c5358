using Microsoft.AspNetCore.Diagnostics;
using Zeues.Core.Domain;

namespace Zeues.Web.Api;

/// <summary>The DOMAIN 8.1 envelope as RFC 7807 problem details: title = Spanish message, plus code and data.</summary>
public static class ErrorResults
{
    public static IResult Problem(ZeuesError error) => Results.Problem(
        title: error.Message,
        statusCode: error.Status,
        type: $"https://zeues/errors/{error.Code}",
        extensions: new Dictionary<string, object?> { ["code"] = error.Code.ToString(), ["data"] = error.Data });

    public static async Task WriteInternalErrorAsync(HttpContext context)
    {
        var reference = Errors.NewReference();
        var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Zeues.Errors")
            .LogError(failure, "ERROR_INTERNO ref {Ref} on {Path}", reference, context.Request.Path);
        await Problem(Errors.Interno(reference)).ExecuteAsync(context);
    }
}
