using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Options;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>The service account's access token for the spreadsheets scope; its token endpoint is the key file's token_uri.</summary>
public sealed class SheetsCredential(IOptions<GoogleSheetsOptions> options)
{
    private readonly Lazy<ICredential> _credential = new(() => Load(options.Value));

    public Task<string> GetTokenAsync(CancellationToken ct) =>
        ((ITokenAccess)_credential.Value).GetAccessTokenForRequestAsync(cancellationToken: ct);

    private static ICredential Load(GoogleSheetsOptions o)
    {
        var account = !string.IsNullOrWhiteSpace(o.CredentialsJson)
            ? CredentialFactory.FromJson<ServiceAccountCredential>(o.CredentialsJson)
            : CredentialFactory.FromFile<ServiceAccountCredential>(o.CredentialsFile!);
        return account.ToGoogleCredential().CreateScoped(GoogleSheetsOptions.Scope);
    }
}
