using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zeues.Core.Domain;
using Zeues.Tests.Support;

namespace Zeues.Tests.ShiftEnd;

public sealed class ShiftCalendarTests
{
    private static async Task<(TestPlant Plant, ShiftCalendar Shifts)> PlantAsync(params string[] ends)
    {
        var settings = ends.Select((e, i) => (Key: $"Zeues:Turnos:Fin:{i}", Value: (string?)e)).ToDictionary(x => x.Key, x => x.Value);
        var plant = await TestPlant.CreateAsync(settings: settings, provider: "Sqlite");
        return (plant, plant.Services.GetRequiredService<ShiftCalendar>());
    }

    [Fact]
    public async Task The_prompt_window_opens_fifteen_minutes_before_the_default_shift_end_and_closes_at_it()
    {
        var (plant, shifts) = await PlantAsync();
        await using var _ = plant;
        var end = new DateTime(2026, 1, 22, 17, 30, 0);

        Assert.Null(shifts.EndingSoon(new DateTime(2026, 1, 22, 17, 14, 59)));
        Assert.Equal(end, shifts.EndingSoon(new DateTime(2026, 1, 22, 17, 15, 0)));
        Assert.Equal(end, shifts.EndingSoon(new DateTime(2026, 1, 22, 17, 29, 59)));
        Assert.Null(shifts.EndingSoon(end));
    }

    [Fact]
    public async Task The_last_shift_end_is_yesterdays_until_todays_has_passed_with_several_ends_a_day()
    {
        var (plant, shifts) = await PlantAsync("07:00", "15:00", "23:00");
        await using var _ = plant;

        Assert.Equal(new DateTime(2026, 1, 21, 23, 0, 0), shifts.LastEnd(new DateTime(2026, 1, 22, 6, 59, 0)));
        Assert.Equal(new DateTime(2026, 1, 22, 7, 0, 0), shifts.LastEnd(new DateTime(2026, 1, 22, 10, 0, 0)));
        Assert.Equal(new DateTime(2026, 1, 22, 23, 0, 0), shifts.EndingSoon(new DateTime(2026, 1, 22, 22, 50, 0)));
        Assert.Null(shifts.EndingSoon(new DateTime(2026, 1, 23, 0, 5, 0)));
    }

    [Fact]
    public void An_occupation_is_from_a_previous_shift_only_when_it_began_before_the_last_end()
    {
        var lastEnd = new DateTime(2026, 1, 21, 17, 30, 0);
        Assert.True(ShiftCalendar.IsFromPreviousShift(lastEnd.AddSeconds(-1), lastEnd));
        Assert.False(ShiftCalendar.IsFromPreviousShift(lastEnd, lastEnd));
        Assert.False(ShiftCalendar.IsFromPreviousShift(null, lastEnd));
    }

    [Theory]
    [InlineData("Zeues:Turnos:Fin:0", "5pm")]
    [InlineData("Zeues:ParteDiario:Hora", "25:00")]
    public async Task A_wrong_shift_or_report_time_stops_the_start_with_a_clear_message(string key, string value)
    {
        await using var plant = await TestPlant.CreateAsync(settings: new Dictionary<string, string?> { [key] = value }, provider: "Sqlite");
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = plant.Services.GetRequiredService<IOptions<TurnosOptions>>().Value;
            _ = plant.Services.GetRequiredService<IOptions<Zeues.Core.Reports.ParteDiarioOptions>>().Value;
        });
        Assert.Contains(key.StartsWith("Zeues:Turnos") ? "Zeues:Turnos:Fin" : "Zeues:ParteDiario:Hora", error.Message);
    }
}
