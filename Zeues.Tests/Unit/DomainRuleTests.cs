using Zeues.Core.Domain;

namespace Zeues.Tests.Unit;

public sealed class DomainRuleTests
{
    [Theory]
    [InlineData("Mauricio", "Rodríguez", 93, "MR(93)")]
    [InlineData("Juan Carlos", "Pérez López", 97, "JP(97)")]
    [InlineData("ángel", "ñúñez", 12, "ÁÑ(12)")]
    public void The_token_is_both_initials_and_the_id(string nombre, string apellido, int id, string token) =>
        Assert.Equal(token, WorkerToken.Build(nombre, apellido, id));

    [Theory]
    [InlineData("MR(93)", 93)]
    [InlineData("XX(93)", 93)]
    [InlineData("Juan Pérez", null)]
    [InlineData("DISPONIBLE", null)]
    public void Identity_is_the_number_in_the_final_parentheses(string token, int? id) => Assert.Equal(id, WorkerToken.IdOf(token));

    [Theory]
    [InlineData(0, "0m")]
    [InlineData(45, "45m")]
    [InlineData(60, "1h 0m")]
    [InlineData(105, "1h 45m")]
    [InlineData(3075, "2d 3h 15m")]
    [InlineData(1440, "1d 0h 0m")]
    public void Durations_show_days_and_hours_only_when_needed(int minutes, string text) =>
        Assert.Equal(text, Durations.Format(TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData("RECHAZADO (Ciclo 1/3) - Pendiente reparación", Calidad.Rechazado, 1)]
    [InlineData("EN_REPARACION (Ciclo 2/3) - Ocupado: MR(93)", Calidad.EnReparacion, 2)]
    [InlineData("REPARACION_PAUSADA (Ciclo 1/3)", Calidad.ReparacionPausada, 1)]
    [InlineData("PENDIENTE_METROLOGIA (Ciclo 2/3)", Calidad.PendienteMetrologia, 2)]
    [InlineData("BLOQUEADO - Contactar supervisor", Calidad.Bloqueado, 3)]
    [InlineData("rechazado", Calidad.Rechazado, 1)]
    [InlineData("RECHAZADO (Ciclo 0/3)", Calidad.Rechazado, 1)]
    [InlineData("RECHAZADO (Ciclo 3/3)", Calidad.Bloqueado, 3)]
    [InlineData("ARM parcial 2/4 (pausado)", Calidad.Ninguna, 0)]
    public void The_quality_track_reads_back_from_estado_detalle(string ed, Calidad q, int n) =>
        Assert.Equal(new QualityTrack(q, n), QualityTrack.Read(false, ed));

    [Fact]
    public void An_approved_spool_has_no_quality_sub_state() =>
        Assert.Equal(QualityTrack.None, QualityTrack.Read(true, "RECHAZADO (Ciclo 2/3)"));

    [Fact]
    public void Role_matrix_grants_repair_to_fitters_and_welders_only()
    {
        Assert.True(RoleMatrix.Allows([Rol.Armador], Operacion.REPARACION));
        Assert.True(RoleMatrix.Allows([Rol.Soldador], Operacion.REPARACION));
        Assert.False(RoleMatrix.Allows([Rol.Ayudante], Operacion.REPARACION));
        Assert.Equal([Operacion.ARM, Operacion.SOLD], RoleMatrix.Operations([Rol.Ayudante]));
        Assert.Empty(RoleMatrix.Operations([Rol.Pintura]));
    }
}
