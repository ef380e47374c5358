using System.Net.Http.Headers;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// The Sheets HttpClient from IHttpClientFactory with a Microsoft.Extensions.Http.Resilience
/// pipeline: a bound on the whole call, retries with exponential backoff and jitter (honouring
/// Retry-After) for READS only, a circuit breaker, and a timeout per attempt. A write is never retried
/// here: after a 5xx or a timeout its outcome is unknown and the command flow must first look for its
/// id in Metadata (SheetsClient retries a write only on 429, which Google did not apply).
/// </summary>
public static class SheetsHttp
{
    public const string ClientName = "zeues-sheets";

    public static IServiceCollection AddSheetsHttpClient(this IServiceCollection services)
    {
        services.AddSingleton<SheetsRetryCount>();
        var client = services.AddHttpClient(ClientName, (sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<GoogleSheetsOptions>>().Value.BaseUrl);
                // The pipeline's timeouts bound every call; HttpClient's own 100 s would only cut across them.
                http.Timeout = Timeout.InfiniteTimeSpan;
            });
        // Outside the pipeline: a read waits for the node's budget before its timeouts start counting.
        client.AddHttpMessageHandler(sp => new SheetsReadBudgetHandler(sp.GetRequiredService<ReadBudget>()));
        client.AddResilienceHandler("sheets", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<GoogleSheetsOptions>>().Value;
                var retries = context.ServiceProvider.GetRequiredService<SheetsRetryCount>();
                // Network timeouts and backoff run on real time, not on the app's TimeProvider (the plant clock, frozen in tests).
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(TimeSpan.FromSeconds(o.TotalTimeoutSeconds));
                if (o.MaxRetries > 0)
                {
                    var retry = new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.MaxRetries,
                        Delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMs),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                        OnRetry = _ =>
                        {
                            retries.Increment();
                            return ValueTask.CompletedTask;
                        },
                    };
                    retry.DisableForUnsafeHttpMethods();
                    pipeline.AddRetry(retry);
                }
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions());
                pipeline.AddTimeout(TimeSpan.FromSeconds(o.RequestTimeoutSeconds));
            });
        // Inside the pipeline, so every attempt carries a valid token (a refresh failure is retried like a transport error).
        client.AddHttpMessageHandler(sp => new SheetsAuthHandler(sp.GetRequiredService<SheetsCredential>()));
        return services;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or TokenResponseException } => true,
        { Result: { } response } => (int)response.StatusCode is 429 or 500 or 502 or 503 or 504,
        _ => false,
    };
}

/// <summary>Read retries done by the Sheets pipeline (write retries on 429 are counted by SheetsClient).</summary>
public sealed class SheetsRetryCount
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);
}

/// <summary>Each read takes its place in the node's <see cref="ReadBudget"/> first (writes have their own limiter).</summary>
internal sealed class SheetsReadBudgetHandler(ReadBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Method == HttpMethod.Get) await budget.WaitAsync(ct);
        return await base.SendAsync(request, ct);
    }
}

/// <summary>Adds the service account's bearer token to each attempt.</summary>
internal sealed class SheetsAuthHandler(SheetsCredential credential) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await credential.GetTokenAsync(ct));
        return await base.SendAsync(request, ct);
    }
}
