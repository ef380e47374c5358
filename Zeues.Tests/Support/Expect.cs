using Zeues.Core.Domain;
using Zeues.Core.Workflows;

namespace Zeues.Tests.Support;

/// <summary>Assertions on command results that say what went wrong when they fail.</summary>
public static class Expect
{
    public static CommandOutcome Ok(CommandResult result)
    {
        Assert.True(result.Error is null, $"expected success, got {result.Error?.Code}: {result.Error?.Message}");
        return result.Outcome!;
    }

    public static ZeuesError Error(CommandResult result, ErrorCode code)
    {
        Assert.True(result.Outcome is null, $"expected {code}, got outcome {result.Outcome?.Resultado}: {result.Outcome?.Mensaje}");
        Assert.Equal(code, result.Error!.Code);
        return result.Error;
    }
}
