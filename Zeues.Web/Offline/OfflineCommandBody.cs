using Zeues.Core.Domain;
using Zeues.Web.Api;

namespace Zeues.Web.Offline;

/// <summary>
/// One action captured offline. There is no worker field: the worker is the one the tablet credential
/// was issued to. <see cref="CapturadoEn"/> is the device time of capture.
/// </summary>
public sealed record OfflineCommandBody(Guid CommandId, string? Type, string? Tag, string? Operacion, IReadOnlyList<string>? Unions, string? Texto,
    DateTimeOffset? CapturadoEn)
{
    public CommandBody AsCommand() => new(CommandId, Type, Tag, Tags: null, WorkerId: null, Operacion, Unions, Resultado: null, Texto);
}
