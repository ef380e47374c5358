using System.Text;
using System.Text.Json;
using Zeues.Core.Workbook.GoogleSheets;

namespace Zeues.Tests.GoogleSheets;

/// <summary>The values.batchGet answer read from the stream as it arrives, whatever the size of each piece.</summary>
public sealed class BatchGetReaderTests
{
    private static readonly string LongText = new('x', 200_000);

    private static readonly string Answer = $$$"""
        {"spreadsheetId":"plant","valueRanges":[
          {"range":"'Operaciones'!A1:C3","majorDimension":"ROWS","values":[["TAG","OT","Fecha"],["MK-1","",46044.5],[],["MK-2",true,null,"{\"a\":[1]}"]]},
          {"range":"'Metadata'!A7:K","majorDimension":"ROWS","extra":{"values":[[1]],"nested":[{"range":"no"}]}},
          {"majorDimension":"ROWS","range":"'Uniones'!5:5","values":[["{{{LongText}}}",-2.5e3]]}
        ],"other":[{"valueRanges":[]}]}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public async Task Every_range_and_cell_reads_the_same_whatever_the_pieces_the_body_arrives_in(int piece)
    {
        var response = await BatchGetReader.ReadAsync(new Trickle(Encoding.UTF8.GetBytes(Answer), piece), CancellationToken.None);

        Assert.Equal("plant", response.SpreadsheetId);
        var ranges = response.ValueRanges!;
        Assert.Equal(["'Operaciones'!A1:C3", "'Metadata'!A7:K", "'Uniones'!5:5"], ranges.Select(r => r.Range));
        Assert.All(ranges, r => Assert.Equal("ROWS", r.MajorDimension));
        var operaciones = ranges[0].Values!;
        Assert.Equal(4, operaciones.Count);
        Assert.Equal(["TAG", "OT", "Fecha"], operaciones[0]);
        Assert.Equal(["MK-1", "", 46044.5], operaciones[1]);
        Assert.Empty(operaciones[2]);
        Assert.Equal(["MK-2", true, null, "{\"a\":[1]}"], operaciones[3]);
        Assert.Null(ranges[1].Values);
        Assert.Equal([LongText, -2500d], Assert.Single(ranges[2].Values!));
    }

    [Theory]
    [InlineData("""{"valueRanges":[{"values":[["a",{"b":1}]]}]}""")]
    [InlineData("""{"valueRanges":[{"values":[["a",["b"]]]}]}""")]
    [InlineData("""{"valueRanges":[{"values":["a"]}]}""")]
    [InlineData("""{"valueRanges":[{"values":[["a","b"]]}]""")]
    [InlineData("""{"valueRanges":[{"values":[["a","b""")]
    public async Task An_answer_that_is_not_rows_of_cells_is_refused(string body) =>
        await Assert.ThrowsAnyAsync<JsonException>(() => BatchGetReader.ReadAsync(new Trickle(Encoding.UTF8.GetBytes(body), 5), CancellationToken.None));

    /// <summary>A body that arrives at most <paramref name="piece"/> bytes per read, as a slow network delivers it.</summary>
    private sealed class Trickle(byte[] data, int piece) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], ct);
    }
}
