namespace Zeues.Web.Api;

/// <summary>Section "Zeues:Api": when Key is set, every /api call needs it in X-Api-Key.</summary>
public sealed class ApiOptions
{
    public const string Section = "Zeues:Api";

    public string Key { get; set; } = "";
}
