using Zeues.Core.Reading;

namespace Zeues.Tests.Unit;

public sealed class MetadataJsonTests
{
    private const string Finalizar = """
        {"comando":"FINALIZAR","duracion_min":105,"pulgadas":6.5,"bloqueado":true,"nota":null,
         "detalle":{"a":[1,{"b":2}]},"union_ids":["002+2",3,"002+3"],"texto":"soldadura \u00F3 \"ra\u00EDz\""}
        """;

    [Fact]
    public void Members_read_as_a_parsed_object_read_them()
    {
        Assert.True(MetadataJson.TryParse(Finalizar, out var json));

        Assert.Equal("FINALIZAR", json.Text("comando"));
        Assert.Equal("soldadura ó \"raíz\"", json.Text("texto"));
        Assert.Equal("105", json.Text("duracion_min"));
        Assert.Equal("true", json.Text("bloqueado"));
        Assert.Equal("""["002+2",3,"002+3"]""", json.Text("union_ids"));
        Assert.Null(json.Text("nota"));
        Assert.Null(json.Text("ausente"));

        Assert.Equal(105, json.Int("duracion_min"));
        Assert.Null(json.Int("pulgadas"));
        Assert.Null(json.Int("comando"));
        Assert.Equal(6.5m, json.Decimal("pulgadas"));
        Assert.True(json.Bool("bloqueado"));
        Assert.False(json.Bool("comando"));
        Assert.Equal(3, json.Count("union_ids"));
        Assert.Equal(0, json.Count("comando"));
        Assert.Equal(["002+2", "002+3"], json.Strings("union_ids"));
        Assert.Empty(json.Strings("detalle"));
    }

    [Fact]
    public void Members_are_only_those_of_the_top_level_object()
    {
        Assert.True(MetadataJson.TryParse("""{"detalle":{"ciclo":2},"lista":[{"ciclo":3}]}""", out var json));

        Assert.Null(json.Int("ciclo"));
        Assert.Equal("""{"ciclo":2}""", json.Text("detalle"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no es json")]
    [InlineData("[1,2]")]
    [InlineData("\"texto\"")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    [InlineData("{\"a\":1,}")]
    public void A_cell_that_is_not_one_json_object_is_unreadable(string text) =>
        Assert.False(MetadataJson.TryParse(text, out _));

    [Fact]
    public void An_empty_cell_has_no_members() =>
        Assert.Equal((null, null, false, 0), (default(MetadataJson).Text("comando"), default(MetadataJson).Int("ciclo"),
            default(MetadataJson).Bool("bloqueado"), default(MetadataJson).Count("union_ids")));
}
