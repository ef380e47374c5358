namespace Zeues.Web.Api;

/// <summary>Section "Zeues:Api": the key every /api call carries in X-Api-Key, and an optional token for /metrics scrapers.</summary>
public sealed class ApiOptions
{
    public const string Section = "Zeues:Api";

    public string Key { get; set; } = "";

    /// <summary>Lets a Prometheus scraper read /metrics (Authorization: Bearer) without holding the API key.</summary>
    public string ScrapeToken { get; set; } = "";
}
