using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

/// <summary>FLOOR F1: the acciones prediction is the command's own answer, for every spool, worker and operation.</summary>
public sealed class AccionesTests
{
    private static readonly string[] Tags = [S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, S12, S13, S14, S15, S16, S17, S18];
    private static readonly int[] Workers = [MR, NR, CP, JM, JP, Inactive, Unknown];
    private static readonly Operacion[] Operations = [Operacion.ARM, Operacion.SOLD, Operacion.REPARACION];

    private static async Task<(IReadOnlyList<AccionPrevista>? Predictions, ZeuesError? Error)> PredictAsync(TestPlant plant, string tag, int worker)
    {
        try
        {
            return (await plant.Services.GetRequiredService<SpoolAcciones>().GetAsync(tag, worker), null);
        }
        catch (ZeuesException ex)
        {
            return (null, ex.Error);
        }
    }

    [Fact]
    public async Task For_every_fixture_spool_worker_and_operation_the_iniciar_prediction_is_exactly_what_iniciar_answers()
    {
        var plant = await TestPlant.CreateAsync();
        var started = 0;
        var codes = new HashSet<ErrorCode>();
        try
        {
            foreach (var tag in Tags)
            foreach (var worker in Workers)
            foreach (var op in Operations)
            {
                var (predictions, refused) = await PredictAsync(plant, tag, worker);
                var predicted = predictions?.SingleOrDefault(p => p.Operacion == op && p.Accion == "INICIAR");
                var result = await plant.RunAsync(CommandType.INICIAR, tag, worker, op);
                var story = $"{tag} · worker {worker} · {op}";

                if (refused is not null)
                {
                    // The query itself refuses the worker (unknown or inactive), as every command would.
                    Assert.True(result.Error is not null, story);
                    Assert.Equal((refused.Code, refused.Message), (result.Error!.Code, result.Error.Message));
                }
                else if (predicted is null)
                {
                    // Operations outside the worker's roles are not listed: the command refuses them for the role.
                    Assert.Equal(ErrorCode.ROL_NO_AUTORIZADO, Expect.Error(result, ErrorCode.ROL_NO_AUTORIZADO).Code);
                }
                else if (predicted.Permitida)
                {
                    Assert.True(result.Succeeded, $"{story}: predicted allowed, got {result.Error?.Code}: {result.Error?.Message}");
                    started++;
                    // The start changed the plant: the next case begins again from the fixture.
                    await plant.DisposeAsync();
                    plant = await TestPlant.CreateAsync();
                }
                else
                {
                    Assert.True(result.Error is not null, $"{story}: predicted {predicted.Code}, the command succeeded");
                    Assert.Equal((predicted.Code, predicted.Mensaje), (result.Error!.Code, result.Error.Message));
                    codes.Add(result.Error.Code);
                }
            }
        }
        finally
        {
            await plant.DisposeAsync();
        }

        // E3: ARM 4 spools × 3 workers with ARM, SOLD 3 × 3, REPARACION 2 × 3.
        Assert.Equal(4 * 3 + 3 * 3 + 2 * 3, started);
        Assert.Superset(new HashSet<ErrorCode>
        {
            ErrorCode.SPOOL_OCUPADO, ErrorCode.SPOOL_BLOQUEADO, ErrorCode.DEPENDENCIAS_NO_SATISFECHAS, ErrorCode.OPERACION_YA_COMPLETADA,
            ErrorCode.DATOS_INVALIDOS,
        }, codes);
    }

    [Fact]
    public async Task The_occupants_predictions_follow_the_spools_version_and_match_the_commands()
    {
        await using var plant = await TestPlant.CreateAsync();
        var acciones = plant.Services.GetRequiredService<SpoolAcciones>();

        var s2 = await acciones.GetAsync(S2, MR);
        Assert.Equal(
            ["ARM INICIAR", "ARM FINALIZAR", "ARM CANCELAR", "SOLD INICIAR", "SOLD FINALIZAR", "SOLD CANCELAR",
                "REPARACION INICIAR", "REPARACION PAUSAR", "REPARACION COMPLETAR", "REPARACION CANCELAR"],
            s2.Select(a => $"{a.Operacion} {a.Accion}"));
        Assert.Equal(["ARM FINALIZAR", "ARM CANCELAR"], s2.Where(a => a.Permitida).Select(a => $"{a.Operacion} {a.Accion}"));
        var otra = s2.Single(a => a.Operacion == Operacion.SOLD && a.Accion == "FINALIZAR");
        var sold = await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.SOLD, ["002+2"]);
        Assert.Equal((otra.Code, otra.Mensaje), (sold.Error!.Code, sold.Error.Message));

        var metrologia = Assert.Single(await acciones.GetAsync(S6, JM));
        Assert.Equal(("INSPECCIONAR", true), (metrologia.Accion, metrologia.Permitida));
        var v3 = await acciones.GetAsync(S10, CP);
        Assert.Equal(["INICIAR", "PAUSAR", "COMPLETAR", "CANCELAR"], v3.Where(a => a.Operacion == Operacion.SOLD).Select(a => a.Accion));
    }
}
