using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// The three Sheets v4 calls ZEUES makes, with per-attempt timeouts, exponential backoff with jitter
/// (honouring Retry-After) and a bounded total time. Reads retry on 429, 5xx and transport errors;
/// a write retries here only on 429 (not applied), since after a 5xx or a timeout its outcome is
/// unknown and the command flow must first look for its id in Metadata.
/// </summary>
public sealed class SheetsClient(HttpClient http, SheetsCredential credential, WriteRateLimiter limiter, IOptions<GoogleSheetsOptions> options,
    ILogger<SheetsClient> logger)
{
    private long _reads;
    private long _writes;
    private long _retries;

    public long Reads => Interlocked.Read(ref _reads);
    public long Writes => Interlocked.Read(ref _writes);
    public long Retries => Interlocked.Read(ref _retries);

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
            TimeSpan? retryAfter = null;
            string failure;
            if (write) await limiter.WaitAsync(ct);
            Interlocked.Increment(ref write ? ref _writes : ref _reads);
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            attemptCts.CancelAfter(Min(TimeSpan.FromSeconds(o.RequestTimeoutSeconds), budget - total.Elapsed));
            try
            {
                using var request = build();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await credential.GetTokenAsync(attemptCts.Token));
                using var response = await http.SendAsync(request, attemptCts.Token);
                if (response.IsSuccessStatusCode)
                    return await response.Content.ReadFromJsonAsync<T>(SheetsJson.Options, attemptCts.Token)
                        ?? throw new WorkbookUnavailableException("La planilla respondió vacío.");
                var status = (int)response.StatusCode;
                var error = await ReadErrorAsync(response, attemptCts.Token);
                failure = $"HTTP {status} {error?.Status}: {error?.Message}";
                var retryable = status == 429 || (!write && status is 500 or 502 or 503 or 504);
                if (!retryable) throw new WorkbookUnavailableException($"Google Sheets rechazó la llamada ({failure}).");
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception ex) when (ex is HttpRequestException or Google.Apis.Auth.OAuth2.Responses.TokenResponseException
                                       or OperationCanceledException && !ct.IsCancellationRequested)
            {
                failure = ex switch
                {
                    OperationCanceledException => "sin respuesta a tiempo",
                    Google.Apis.Auth.OAuth2.Responses.TokenResponseException => "no se obtuvo el token de acceso",
                    _ => "error de transporte",
                };
                // A write that may have reached Google is not repeated blindly (see the class comment).
                if (write) throw new WorkbookUnavailableException($"Google Sheets: {failure}.", ex);
            }

            var delay = retryAfter ?? TimeSpan.FromMilliseconds(o.RetryBaseDelayMs * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble()));
            if (attempt >= o.MaxRetries || total.Elapsed + delay >= budget)
                throw new WorkbookUnavailableException($"Google Sheets no disponible tras {attempt + 1} intentos ({failure}).");
            Interlocked.Increment(ref _retries);
            logger.LogWarning("Sheets call failed ({Failure}); retry {Attempt} in {Delay} ms", failure, attempt + 1, (int)delay.TotalMilliseconds);
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

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? (a < TimeSpan.Zero ? TimeSpan.Zero : a) : (b < TimeSpan.Zero ? TimeSpan.Zero : b);
}
