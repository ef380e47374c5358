using Zeues.Core.Workbook;

namespace Zeues.Tests.Unit;

public sealed class CellReaderTests
{
    [Theory]
    [InlineData("22-01-2026", 2026, 1, 22, 0, 0, 0)]
    [InlineData("22/01/2026", 2026, 1, 22, 0, 0, 0)]
    [InlineData("22/01/26", 2026, 1, 22, 0, 0, 0)]
    [InlineData("2026-01-22", 2026, 1, 22, 0, 0, 0)]
    [InlineData("2026-01-22T08:15:00", 2026, 1, 22, 8, 15, 0)]
    [InlineData("22-Jan-2026", 2026, 1, 22, 0, 0, 0)]
    [InlineData("22-ene-2026", 2026, 1, 22, 0, 0, 0)]
    [InlineData("05-SET-2026", 2026, 9, 5, 0, 0, 0)]
    [InlineData("22-01-2026 08:15", 2026, 1, 22, 8, 15, 0)]
    [InlineData("22-01-2026 08:15:00", 2026, 1, 22, 8, 15, 0)]
    [InlineData("  22-01-2026 08:15:30  ", 2026, 1, 22, 8, 15, 30)]
    public void Every_documented_text_format_reads_as_plant_wall_clock_time(string text, int y, int m, int d, int h, int min, int s)
    {
        Assert.True(CellReader.TryTimestamp(text, out var value));
        Assert.Equal(new DateTime(y, m, d, h, min, s), value);
    }

    [Fact]
    public void A_serial_with_a_time_fraction_rounds_to_the_nearest_second()
    {
        Assert.True(CellReader.TryTimestamp(46044.3194444444, out var value));
        Assert.Equal(new DateTime(2026, 1, 22, 7, 40, 0), value);
    }

    [Fact]
    public void A_whole_serial_reads_as_a_business_date()
    {
        Assert.True(CellReader.TryDate(46011d, out var value));
        Assert.Equal(new DateOnly(2025, 12, 20), value);
    }

    [Fact]
    public void A_business_date_ignores_the_time_part()
    {
        Assert.True(CellReader.TryDate("22-01-2026 23:59:59", out var value));
        Assert.Equal(new DateOnly(2026, 1, 22), value);
    }

    [Theory]
    [InlineData("31-02-2026")]
    [InlineData("pendiente")]
    [InlineData("22-13-2026")]
    [InlineData("22-01-2026 25:00")]
    [InlineData("22-xyz-2026")]
    public void Impossible_dates_and_other_text_are_unparseable(string text) => Assert.False(CellReader.TryTimestamp(text, out _));

    [Theory]
    [InlineData("22-01-26")]
    [InlineData("26-01-22")]
    [InlineData("22-01/2026")]
    [InlineData("22/01-2026")]
    [InlineData("22/01-26")]
    [InlineData("22-01-2026T08:15")]
    [InlineData("5")]
    [InlineData("46044")]
    [InlineData("46044.3194444444")]
    public void Two_digit_years_outside_dd_mm_yy_mixed_separators_and_numeric_text_are_unparseable(string text)
    {
        Assert.False(CellReader.TryTimestamp(text, out _));
        Assert.False(CellReader.TryDate(text, out _));
    }

    [Fact]
    public void A_numeric_cell_stays_a_valid_serial_while_the_same_digits_as_text_do_not()
    {
        Assert.True(CellReader.TryDate(5d, out var serial));
        Assert.Equal(new DateOnly(1900, 1, 4), serial);
        Assert.False(CellReader.TryDate("5", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_and_whitespace_cells_read_as_null(string? raw)
    {
        Assert.True(CellReader.TryTimestamp(raw, out var value));
        Assert.Null(value);
        Assert.Null(CellReader.Text(raw));
    }

    [Fact]
    public void Integer_numbers_in_text_fields_read_as_their_integer_text() => Assert.Equal("93", CellReader.Text(93d));

    [Theory]
    [InlineData("10,5")]
    [InlineData("10.5")]
    [InlineData(10.5)]
    public void Decimals_accept_numbers_and_either_separator(object raw)
    {
        Assert.True(CellReader.TryDecimal(raw, out var value));
        Assert.Equal(10.5m, value);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData("TRUE", true)]
    [InlineData("verdadero", true)]
    [InlineData("FALSE", false)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Booleans_accept_true_and_verdadero_in_any_case(object? raw, bool expected) => Assert.Equal(expected, CellReader.IsTrue(raw));

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+56 9", "'+56 9")]
    [InlineData("-x", "'-x")]
    [InlineData("@x", "'@x")]
    [InlineData("revisar bisel", "revisar bisel")]
    public void The_formula_guard_prefixes_an_apostrophe(string text, string written) => Assert.Equal(written, CellWriter.Text(text));

    [Fact]
    public void A_guarded_text_reads_back_without_its_apostrophe() => Assert.Equal("=SUM(A1)", CellReader.Text(CellWriter.Text("=SUM(A1)")));

    [Fact]
    public void Written_dates_and_timestamps_use_the_plant_formats()
    {
        Assert.Equal("22-01-2026", CellWriter.Date(new DateOnly(2026, 1, 22)));
        Assert.Equal("22-01-2026 10:00:00", CellWriter.Timestamp(new DateTime(2026, 1, 22, 10, 0, 0)));
        Assert.Equal(10.5, CellWriter.Pulgadas(10.499m + 0.001m));
        Assert.Equal(2.13, CellWriter.Pulgadas(2.125m));
    }
}
