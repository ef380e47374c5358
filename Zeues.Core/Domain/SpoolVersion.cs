namespace Zeues.Core.Domain;

/// <summary>v4 iff at least one Uniones row carries the TAG (DOMAIN 3.2).</summary>
public enum SpoolVersion { V3, V4 }

public static class SpoolVersionText
{
    public static string Label(this SpoolVersion version) => version == SpoolVersion.V4 ? "v4.0" : "v3.0";
}
