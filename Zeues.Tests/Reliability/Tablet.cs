using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reading;
using Zeues.Core.Workflows;

namespace Zeues.Tests.Reliability;

/// <summary>
/// A simulated tablet: a worker doing random valid workflows (take, finish some unions, pause,
/// complete, cancel, inspect, repair) against whatever node it is pointed at.
/// </summary>
public sealed class Tablet(int workerId, Func<Task<PlantSnapshot>> snapshot, Func<CommandRequest, Task<LoggedCommand>> execute, CommandLog log, int seed,
    TimeSpan? pause = null)
{
    private readonly Random _random = new(seed);

    public Tablet(int workerId, Func<Task<PlantSnapshot>> snapshot, Func<CommandRequest, Task<CommandResult>> execute, CommandLog log, int seed)
        : this(workerId, snapshot, async r =>
        {
            var result = await execute(r);
            return new LoggedCommand(r, result.Succeeded, result.Outcome?.Replay ?? false, result.Error?.Code);
        }, log, seed)
    {
    }

    public async Task RunAsync(TimeSpan duration, CancellationToken ct = default)
    {
        var until = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < until && !ct.IsCancellationRequested)
        {
            if (await NextAsync() is not { } request)
            {
                await Task.Delay(20, ct);
                continue;
            }
            log.Add(await execute(request));
            if (pause is { } p) await Task.Delay(TimeSpan.FromMilliseconds(p.TotalMilliseconds * (0.5 + _random.NextDouble())), ct);
        }
    }

    private async Task<CommandRequest?> NextAsync()
    {
        var plant = await snapshot();
        var worker = plant.Workers[workerId];
        var now = Zeues.Core.Setup.FixturePlant.Now;
        var mine = SpoolLists.Build(plant, Operacion.ARM, ListAccion.MIS, workerId, null, now).Items;
        if (mine.Count > 0 && _random.NextDouble() < 0.7) return Finish(mine[_random.Next(mine.Count)]);

        var ops = worker.Operaciones;
        var op = ops.Count > 0 ? ops[_random.Next(ops.Count)] : Operacion.NOTA;
        var list = op == Operacion.NOTA ? [] : SpoolLists.Build(plant, op, ListAccion.INICIAR, null, null, now).Items;
        // Nothing to take (the plant is small and finishes fast): a note keeps the writes flowing.
        if (list.Count == 0 || _random.NextDouble() < 0.1)
            return plant.Spools.Count == 0 ? null : new CommandRequest(Guid.NewGuid(), CommandType.NOTA, plant.Spools[_random.Next(plant.Spools.Count)].Tag,
                Actor.ForWorker(workerId), Texto: $"nota de carga {_random.Next(1000)}");
        var spool = list[_random.Next(list.Count)];
        return op == Operacion.METROLOGIA
            ? Request(CommandType.METROLOGIA, spool.Tag, resultado: _random.NextDouble() < 0.6 ? ResultadoMetrologia.APROBADO : ResultadoMetrologia.RECHAZADO)
            : Request(CommandType.INICIAR, spool.Tag, op);
    }

    private CommandRequest Finish(SpoolView spool)
    {
        var op = spool.OperacionEnCurso!.Value;
        var roll = _random.NextDouble();
        if (op == Operacion.REPARACION)
            return Request(roll < 0.6 ? CommandType.COMPLETAR : roll < 0.8 ? CommandType.PAUSAR : CommandType.CANCELAR, spool.Tag, op);
        if (spool.Version == SpoolVersion.V3)
            return Request(roll < 0.6 ? CommandType.COMPLETAR : roll < 0.85 ? CommandType.PAUSAR : CommandType.CANCELAR, spool.Tag, op);
        if (roll < 0.1) return Request(CommandType.CANCELAR, spool.Tag, op);
        var available = spool.Unions.Where(u => op == Operacion.ARM ? u.ArmadaEn is null : u.ArmadaEn is not null && u.SoldadaEn is null && u.RequiereSoldadura)
            .Select(u => u.Id).ToList();
        var chosen = available.Where(_ => _random.NextDouble() < 0.6).ToList();
        return Request(CommandType.FINALIZAR, spool.Tag, op, chosen);
    }

    private CommandRequest Request(CommandType type, string tag, Operacion? op = null, IReadOnlyList<string>? unions = null,
        ResultadoMetrologia? resultado = null) =>
        new(Guid.NewGuid(), type, tag, Actor.ForWorker(workerId), op, unions, resultado,
            Motivo: resultado == ResultadoMetrologia.RECHAZADO ? MotivoRechazo.DIMENSIONAL : null);
}
