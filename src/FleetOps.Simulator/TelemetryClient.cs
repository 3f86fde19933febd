using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FleetOps.Simulator;

internal enum SendOutcome
{
    Delivered,
    Retry,
    // The server refused the request itself (400, 413, ...): resending the same bytes cannot succeed.
    Dropped,
}

internal sealed record SendResult(SendOutcome Outcome, string? Problem = null, TimeSpan? RetryAfter = null, TelemetryDirectives? Directives = null);

/// <summary>One POST of the terminal API. Never throws except when the caller cancels.</summary>
internal sealed class TelemetryClient(HttpClient http, SimulationCounters counters, TimeProvider time)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AuthFailureBackoff = TimeSpan.FromMinutes(1);

    public async Task<SendResult> SendAsync(SimulatedTerminal terminal, IReadOnlyList<TelemetryEvent> events, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref counters.EventsSent, events.Count);
        try
        {
            var body = JsonBody.Create(new TelemetryRequest { TerminalId = terminal.TerminalId, Events = events }, SimulatorJson.Default.TelemetryRequest);
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/telemetry") { Content = body };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", terminal.Key);

            // Real-time timeout on purpose: it guards real sockets even when the simulation runs on a fake clock.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(RequestTimeout);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);

            if (response.StatusCode == HttpStatusCode.OK)
                return await ReadAcceptedAsync(response, timeout.Token).ConfigureAwait(false);

            Interlocked.Increment(ref counters.RequestsFailed);
            var status = (int)response.StatusCode;
            var problem = $"HTTP {status} for {terminal.TerminalId}: {await ReadProblemAsync(response, timeout.Token).ConfigureAwait(false)}";
            var retryAfter = RetryAfter(response);
            switch (status)
            {
                case 408 or 429 or >= 500:
                    return new SendResult(SendOutcome.Retry, problem, retryAfter);
                case 401 or 403:
                    // Key revoked or terminal decommissioned: keep the backlog (an operator may fix it) but stop hammering.
                    return new SendResult(SendOutcome.Retry, problem, retryAfter > AuthFailureBackoff ? retryAfter : AuthFailureBackoff);
                default:
                    Interlocked.Add(ref counters.Rejected, events.Count);
                    return new SendResult(SendOutcome.Dropped, problem);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Timeouts, refused connections, resets: the server may or may not have stored the batch; the
            // resend with the same ids settles it either way.
            Interlocked.Increment(ref counters.RequestsFailed);
            var reason = ex is OperationCanceledException ? $"no answer within {RequestTimeout.TotalSeconds:F0} s" : ex.GetBaseException().Message;
            return new SendResult(SendOutcome.Retry, $"request failed for {terminal.TerminalId}: {reason}");
        }
    }

    private async Task<SendResult> ReadAcceptedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        TelemetryResponse? parsed = null;
        try
        {
            parsed = await response.Content.ReadFromJsonAsync(SimulatorJson.Default.TelemetryResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // 200 means the server committed the batch; an unreadable body must not make us resend it.
        }
        if (parsed is null)
            return new SendResult(SendOutcome.Delivered, "200 response without a readable body");

        Interlocked.Add(ref counters.EventsAccepted, parsed.Accepted);
        Interlocked.Add(ref counters.Duplicates, parsed.Duplicates);
        string? problem = null;
        if (parsed.Rejected is { Count: > 0 } rejected)
        {
            Interlocked.Add(ref counters.Rejected, rejected.Count);
            var first = rejected[0];
            problem = $"{rejected.Count} event(s) rejected, e.g. {first.Id}: {first.Error}";
        }
        return new SendResult(SendOutcome.Delivered, problem, Directives: parsed.Directives);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is not { } value)
            return null;
        return value < TimeSpan.Zero ? TimeSpan.Zero : value > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(10) : value;
    }

    private static async Task<string> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var problem = JsonSerializer.Deserialize(text, SimulatorJson.Default.ProblemResponse);
                var message = problem?.Detail ?? problem?.Title;
                if (!string.IsNullOrEmpty(message))
                    return message;
            }
            catch (JsonException)
            {
            }
            return text.Length > 200 ? text[..200] : text.Length > 0 ? text : response.ReasonPhrase ?? "";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return response.ReasonPhrase ?? "";
        }
    }
}
