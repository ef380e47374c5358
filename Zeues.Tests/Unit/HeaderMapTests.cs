using Zeues.Core.Workbook;

namespace Zeues.Tests.Unit;

public sealed class HeaderMapTests
{
    [Theory]
    [InlineData("Fecha_QC_Metrología", "fechaqcmetrologia")]
    [InlineData("Fecha_QC_Metrologia", "fechaqcmetrologia")]
    [InlineData("PLANO_KRONOS N°", "planokronosn")]
    [InlineData("  Rev. ", "rev")]
    [InlineData("evento_tipo", "eventotipo")]
    public void Headers_normalize_without_accents_case_spaces_or_punctuation(string header, string key) =>
        Assert.Equal(key, HeaderNormalizer.Normalize(header));

    [Fact]
    public void A_slash_header_answers_to_its_first_part()
    {
        var map = new HeaderMap(["id", "TAG_SPOOL / CODIGO_BARRA", "OT"]);
        Assert.Equal(1, map.IndexOf("TAG_SPOOL"));
    }

    [Fact]
    public void An_exact_match_wins_over_a_first_part_alias()
    {
        var map = new HeaderMap(["TAG_SPOOL / CODIGO_BARRA", "TAG_SPOOL"]);
        Assert.Equal(1, map.IndexOf("TAG_SPOOL"));
    }

    [Fact]
    public void Duplicate_headers_use_the_leftmost_and_are_reported()
    {
        var map = new HeaderMap(["Armador", "ARMADOR "]);
        Assert.Equal(0, map.IndexOf("armador"));
        Assert.Equal(["ARMADOR"], map.Duplicates);
    }

    [Fact]
    public void Missing_critical_columns_are_named_by_the_schema_check()
    {
        var headers = WorkbookSchema.OperacionesTemplate.Where(h => h != "Ocupado_Por").Cast<string?>().ToList();
        var schema = SheetSchema.Check(Sheets.Operaciones, new HeaderMap(headers));
        Assert.Equal(["Ocupado_Por"], schema.MissingCritical);
        Assert.False(schema.IsValid);
    }
}
