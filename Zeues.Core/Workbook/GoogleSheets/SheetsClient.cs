using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// The Sheets v4 calls ZEUES makes. The HttpClient comes from IHttpClientFactory with the resilience
/// pipeline of <see cref="SheetsHttp"/>: per-attempt and total timeouts, a circuit breaker, the read
/// budget and the token on every attempt, and retries for READS only. A write is sent once per attempt
/// here and retried only on 429 (not applied), since after a 5xx or a timeout its outcome is unknown
/// (<see cref="WorkbookUnavailableException.OutcomeUnknown"/>) and the command flow decides. A write is
/// paid from the command's reserved slot or the <see cref="WriteRateLimiter"/>, then its lease fence is
/// asked, so nothing is sent once the lease no longer covers it.
/// </summary>
public sealed class SheetsClient(HttpClient http, WriteRateLimiter limiter, IOptions<GoogleSheetsOptions> options, ILogger<SheetsClient> logger,
    SheetsRetryCount? readRetries = null)
{
    private long _reads;
    private long _writes;
    private long _retries;

    public long Reads => Interlocked.Read(ref _reads);
    public long Writes => Interlocked.Read(ref _writes);
    public long Retries => Interlocked.Read(ref _retries) + (readRetries?.Value ?? 0);

    private string Id => Uri.EscapeDataString(options.Value.SpreadsheetId);

    public Task<Spreadsheet> GetSpreadsheetAsync(CancellationToken ct) =>
        SendAsync<Spreadsheet>(() => new HttpRequestMessage(HttpMethod.Get, $"v4/spreadsheets/{Id}?fields=spreadsheetId,sheets.properties"), null, ct);

    /// <summary>The spreadsheet's named ranges (id and name only), for the command-marker cleanup.</summary>
    public Task<Spreadsheet> GetNamedRangesAsync(CancellationToken ct) =>
        SendAsync<Spreadsheet>(() => new HttpRequestMessage(HttpMethod.Get,
            $"v4/spreadsheets/{Id}?fields={Uri.EscapeDataString("namedRanges(namedRangeId,name)")}"), null, ct);

    public Task<BatchGetValuesResponse> BatchGetAsync(IEnumerable<string> ranges, CancellationToken ct)
    {
        var query = string.Join("&", ranges.Select(r => "ranges=" + Uri.EscapeDataString(r)));
        var url = $"v4/spreadsheets/{Id}/values:batchGet?{query}&majorDimension=ROWS&valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=SERIAL_NUMBER";
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), null, ct, BatchGetReader.ReadAsync);
    }

    /// <summary>One batchUpdate; <paramref name="guard"/> pays it with the command's reserved slot and fences it with the command's lease.</summary>
    public Task<BatchUpdateSpreadsheetResponse> BatchUpdateAsync(BatchUpdateSpreadsheetRequest body, WriteGuard? guard, CancellationToken ct) =>
        SendAsync<BatchUpdateSpreadsheetResponse>(() => new HttpRequestMessage(HttpMethod.Post, $"v4/spreadsheets/{Id}:batchUpdate")
        {
            Content = JsonContent.Create(body, options: SheetsJson.Options),
        }, guard ?? Unguarded, ct);

    /// <summary>A write that is not a command's (marker cleanup): rate-limited, no lease.</summary>
    private static readonly WriteGuard Unguarded = new(Guid.Empty);

    /// <param name="write">Null for a read; for a write, how it is paid for and fenced.</param>
    /// <param name="stream">Reads a successful answer from the body as it arrives, instead of buffering it whole first.</param>
    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> build, WriteGuard? write, CancellationToken ct,
        Func<Stream, CancellationToken, Task<T>>? stream = null)
    {
        var o = options.Value;
        var total = Stopwatch.StartNew();
        var budget = TimeSpan.FromSeconds(o.TotalTimeoutSeconds);
        for (var attempt = 0; ; attempt++)
        {
            if (write is not null)
            {
                if (write.Slot?.TryUse() != true) await limiter.WaitAsync(ct);
                // Last moment before the request leaves: a lease that no longer covers the write stops it here.
                if (write.Fence is { } fence) await fence.CheckAsync(ct);
            }
            Interlocked.Increment(ref write is not null ? ref _writes : ref _reads);
            string failure;
            TimeSpan? retryAfter;
            try
            {
                using var request = build();
                using var response = await http.SendAsync(request, stream is null ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead, ct);
                if (response.IsSuccessStatusCode && stream is not null)
                {
                    await using var body = await response.Content.ReadAsStreamAsync(ct);
                    return await stream(body, ct);
                }
                if (response.IsSuccessStatusCode)
                    return await response.Content.ReadFromJsonAsync<T>(SheetsJson.Options, ct)
                        ?? throw new WorkbookUnavailableException("La planilla respondió vacío.");
                var status = (int)response.StatusCode;
                var error = await ReadErrorAsync(response, ct);
                failure = $"HTTP {status} {error?.Status}: {error?.Message}";
                // A read was already retried by the pipeline.
                if (write is null)
                    throw new WorkbookUnavailableException($"Google Sheets rechazó la llamada ({failure}).", OutsideGrid(status, error));
                // Google may have applied a write it answers with a 5xx: not repeated here, the command flow decides.
                if (status is 500 or 502 or 503 or 504)
                    throw new WorkbookUnavailableException($"Google Sheets no confirmó la escritura ({failure}).", outcomeUnknown: true);
                if (status == 400) throw new SheetsWriteRejectedException(status, error?.Message ?? "", failure);
                if (status != 429) throw new WorkbookUnavailableException($"Google Sheets rechazó la llamada ({failure}).");
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception ex) when (ex is HttpRequestException or HttpIOException or Google.Apis.Auth.OAuth2.Responses.TokenResponseException
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
                // A write that may have reached Google is not repeated blindly (see the class comment); one refused by
                // the open circuit or that failed while getting its token never left.
                var neverSent = ex is Google.Apis.Auth.OAuth2.Responses.TokenResponseException or Polly.CircuitBreaker.BrokenCircuitException;
                throw new WorkbookUnavailableException($"Google Sheets: {failure}.", ex, outcomeUnknown: write is not null && !neverSent);
            }

            var delay = retryAfter ?? TimeSpan.FromMilliseconds(o.RetryBaseDelayMs * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble()));
            if (attempt >= o.MaxRetries || total.Elapsed + delay >= budget)
                throw new WorkbookUnavailableException($"Google Sheets no disponible tras {attempt + 1} intentos ({failure}).");
            Interlocked.Increment(ref _retries);
            logger.LogWarning("Sheets write got 429 ({Failure}); retry {Attempt} in {Delay} ms", failure, attempt + 1, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, ct);
        }
    }

    /// <summary>Google refuses a whole read when one of its ranges reaches past a sheet's last row: "Range ('Hoja'!A6000:K) exceeds grid limits".</summary>
    private static SheetsRangeOutsideGridException? OutsideGrid(int status, GoogleError? error) =>
        status == 400 && error?.Message is { } message && message.Contains("exceeds grid limits", StringComparison.Ordinal)
            ? new SheetsRangeOutsideGridException(message)
            : null;

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

/// <summary>Google refused a batchUpdate as invalid (HTTP 400): nothing of it was applied.</summary>
public sealed class SheetsWriteRejectedException(int status, string googleMessage, string failure) : Exception($"Google Sheets rechazó la escritura ({failure}).")
{
    public int Status { get; } = status;

    /// <summary>Google's own message, e.g. "Invalid requests[0].addNamedRange: …".</summary>
    public string GoogleMessage { get; } = googleMessage;
}

/// <summary>The inner exception of a read Google refused because a range lies past a sheet's grid (rows deleted since).</summary>
public sealed class SheetsRangeOutsideGridException(string googleMessage) : Exception(googleMessage);
