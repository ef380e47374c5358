using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// The three Sheets v4 calls ZEUES makes. The HttpClient comes from IHttpClientFactory with the
/// resilience pipeline of <see cref="SheetsHttp"/>: reads are retried there on 429, 5xx and transport
/// errors, within per-attempt and total timeouts. A write retries here only on 429 (not applied), since
/// after a 5xx or a timeout its outcome is unknown and the command flow must first look for its id in Metadata.
/// </summary>
public sealed class SheetsClient(HttpClient http, SheetsCredential credential, WriteRateLimiter limiter, IOptions<GoogleSheetsOptions> options,
    ILogger<SheetsClient> logger, SheetsRetryCount? readRetries = null)
{
    private long _reads;
    private long _writes;
    private long _retries;

    public long Reads => Interlocked.Read(ref _reads);
    public long Writes => Interlocked.Read(ref _writes);
    public long Retries => Interlocked.Read(ref _retries) + (readRetries?.Value ?? 0);

    /// <summary>The credential the pipeline's handler uses; kept for callers that build their own requests.</summary>
    public SheetsCredential Credential => credential;

    private string Id => Uri.EscapeDataString(options.Value.SpreadsheetId);

    public Task<Spreadsheet> GetSpreadsheetAsync(CancellationToken ct) =>
        SendAsync<Spreadsheet>(() => new HttpRequestMessage(HttpMethod.Get, $"v4/spreadsheets/{Id}?fields=spreadsheetId,sheets.properties"), write: false, ct);

    public Task<BatchGetValuesResponse> BatchGetAsync(IEnumerable<string> ranges, CancellationToken ct)
    {
        var query = string.Join("&", ranges.Select(r => "ranges=" + Uri.EscapeDataString(r)));
        var url = $"v4/spreadsheets/{Id}/values:batchGet?{query}&majorDimension=ROWS&valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=SERIAL_NUMBER";
        return SendAsync<BatchGetValuesResponse>(() => new HttpRequestMessage(HttpMethod.Get, url), write: false, ct);
    }

    public Task<BatchUpdateSpreadsheetResponse> BatchUpdateAsync(BatchUpdateSpreadsheetRequest body, CancellationToken ct) =>
        SendAsync<BatchUpdateSpreadsheetResponse>(() => new HttpRequestMessage(HttpMethod.Post, $"v4/spreadsheets/{Id}:batchUpdate")
        {
            Content = JsonContent.Create(body, options: SheetsJson.Options),
        }, write: true, ct);

    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> build, bool write, CancellationToken ct)
    {
        var o = options.Value;
        var total = Stopwatch.StartNew();
        var budget = TimeSpan.FromSeconds(o.TotalTimeoutSeconds);
        for (var attempt = 0; ; attempt++)
        {
            if (write) await limiter.WaitAsync(ct);
            Interlocked.Increment(ref write ? ref _writes : ref _reads);
            string failure;
            TimeSpan? retryAfter;
            try
            {
                using var request = build();
                using var response = await http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                    return await response.Content.ReadFromJsonAsync<T>(SheetsJson.Options, ct)
                        ?? throw new WorkbookUnavailableException("La planilla respondió vacío.");
                var status = (int)response.StatusCode;
                var error = await ReadErrorAsync(response, ct);
                failure = $"HTTP {status} {error?.Status}: {error?.Message}";
                // A read was already retried by the pipeline.
                if (!write || status != 429) throw new WorkbookUnavailableException($"Google Sheets rechazó la llamada ({failure}).");
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception ex) when (ex is HttpRequestException or Google.Apis.Auth.OAuth2.Responses.TokenResponseException
                                       or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                       or OperationCanceledException && !ct.IsCancellationRequested)
            {
                failure = ex switch
                {
                    Polly.Timeout.TimeoutRejectedException or OperationCanceledException => "sin respuesta a tiempo",
                    Polly.CircuitBreaker.BrokenCircuitException => "demasiadas fallas seguidas, se espera antes de volver a llamar",
                    Google.Apis.Auth.OAuth2.Responses.TokenResponseException => "no se obtuvo el token de acceso",
                    _ => "error de transporte",
                };
                throw new WorkbookUnavailableException($"Google Sheets: {failure}.", ex);
            }

            var delay = retryAfter ?? TimeSpan.FromMilliseconds(o.RetryBaseDelayMs * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble()));
            if (attempt >= o.MaxRetries || total.Elapsed + delay >= budget)
                throw new WorkbookUnavailableException($"Google Sheets no disponible tras {attempt + 1} intentos ({failure}).");
            Interlocked.Increment(ref _retries);
            logger.LogWarning("Sheets write got 429 ({Failure}); retry {Attempt} in {Delay} ms", failure, attempt + 1, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, ct);
        }
    }

    private static async Task<GoogleError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<GoogleErrorBody>(SheetsJson.Options, ct))?.Error;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
