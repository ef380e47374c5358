using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E;

/// <summary>axe-core in Debian Chromium: no serious or critical violation on the screens workers and supervisors use.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(Chromium chromium) : BrowserTest(chromium)
{
    private static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        // A dialog's overlay fades in: colours measured mid-transition are not what the worker sees.
        await page.EvaluateAsync("""
            () => Promise.all(document.getAnimations()
                .filter(a => a.effect?.getComputedTiming().endTime !== Infinity)
                .map(a => a.finished.catch(() => null)))
            """);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{screen}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }

    [Fact]
    public async Task The_identify_screen_has_no_serious_or_critical_violations()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(app.BaseAddress);

        await AssertNoSeriousViolationsAsync(page, "/");
    }

    [Fact]
    public async Task Trabajo_with_a_dialog_open_has_no_serious_or_critical_violations()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(app.BaseAddress);
        await new IdentifyPage(page).ChooseAsync(NR);
        var trabajo = new TrabajoPage(page);
        await trabajo.WaitAsync();
        await AssertNoSeriousViolationsAsync(page, "/trabajo");

        await trabajo.SelectAsync(S1);
        await trabajo.StartSelectedAsync();
        await page.GetByTestId("confirm").WaitForAsync();

        await AssertNoSeriousViolationsAsync(page, "/trabajo con diálogo");
    }

    [Fact]
    public async Task The_dashboard_has_no_serious_or_critical_violations()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/dashboard"), 1920, 1080);

        await AssertNoSeriousViolationsAsync(page, "/dashboard");
    }

    [Fact]
    public async Task The_daily_record_has_no_serious_or_critical_violations()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/registro"));
        await page.GetByTestId("record-scan").FillAsync("94");
        await page.GetByTestId("record-scan").PressAsync("Enter");
        await page.GetByText("NR(94) ·").First.WaitForAsync();

        await AssertNoSeriousViolationsAsync(page, "/registro");
    }

    [Fact]
    public async Task Admin_login_and_the_logged_in_admin_have_no_serious_or_critical_violations()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        await AssertNoSeriousViolationsAsync(page, "/admin (ingreso)");

        await new AdminPage(page).LoginAsync();

        await AssertNoSeriousViolationsAsync(page, "/admin");
    }
}
