using System.Diagnostics;

namespace Zeues.Core.Diagnostics;

/// <summary>
/// The one ActivitySource and Meter name of ZEUES. Core stays on System.Diagnostics only; the web
/// host subscribes to this name with OpenTelemetry.
/// </summary>
public static class ZeuesTelemetry
{
    public const string Name = "Zeues";

    public static readonly ActivitySource Source = new(Name);
}
