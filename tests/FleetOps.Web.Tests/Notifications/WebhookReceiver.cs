using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// A real HTTP receiver for webhooks: Kestrel on 127.0.0.1 (a free port) inside the test. It records every request and
/// answers 200, or the answers queued with <see cref="AnswerNext"/>, or — when <see cref="Hang"/> is set — nothing at
/// all until it is disposed (a receiver that never answers).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly List<(Func<ReceivedWebhook, bool> When, int Status, string Body)> _answers = [];
    private readonly CancellationTokenSource _released = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public bool Hang { get; set; }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/{**path}", receiver.HandleAsync);
        await receiver._app.StartAsync();
        receiver.BaseUrl = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return receiver;
    }

    /// <summary>The next request (that <paramref name="when"/> picks) is answered with this status and body; others with 200.</summary>
    public void AnswerNext(int status, string body = "", Func<ReceivedWebhook, bool>? when = null)
    {
        lock (_answers) _answers.Add((when ?? (_ => true), status, body));
    }

    public IReadOnlyList<ReceivedWebhook> At(string path) => Received.Where(r => r.Path == path).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var received = new ReceivedWebhook(context.Request.Path, context.Request.QueryString.Value ?? "",
            context.Request.Headers["X-FleetOps-Signature"].FirstOrDefault(), context.Request.Headers["X-FleetOps-Delivery"].FirstOrDefault(),
            body.ToArray());
        _received.Enqueue(received);
        if (Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, _released.Token);
            }
            catch (OperationCanceledException)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }
        var (status, answer) = NextAnswer(received);
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(answer);
    }

    private (int Status, string Body) NextAnswer(ReceivedWebhook received)
    {
        lock (_answers)
        {
            var index = _answers.FindIndex(a => a.When(received));
            if (index < 0) return (StatusCodes.Status200OK, "");
            var answer = _answers[index];
            _answers.RemoveAt(index);
            return (answer.Status, answer.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _released.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _released.Dispose();
    }
}
