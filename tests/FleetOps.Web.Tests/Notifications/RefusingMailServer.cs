using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// The refusing half of <see cref="MailServer"/>: on its port, a mail server that greets, says hello, and answers one
/// command of every mail (<c>RCPT</c>, <c>MAIL</c> or <c>DATA</c>) with a given reply — "550 5.1.1 User unknown", "451 4.3.0
/// try later" — and any other with 250. netDumbster accepts everything, so the refusals a real server gives come from here.
/// </summary>
internal sealed class RefusingMailServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _command;
    private readonly string _reply;

    public RefusingMailServer(int port, string command, string reply)
    {
        (_command, _reply) = (command, reply);
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true) _ = ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 refusing.test ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                    await writer.WriteLineAsync(verb switch
                    {
                        _ when verb == _command => _reply,
                        "QUIT" => "221 bye",
                        "DATA" => "354 go ahead",
                        _ => "250 OK",
                    });
                    if (verb == "QUIT") return;
                    if (verb == "DATA" && verb != _command) await ReadMessageAsync(reader, writer);
                }
            }
            catch (IOException)
            {
                // The client hung up after the refusal: as a real server sees it.
            }
        }
    }

    private static async Task ReadMessageAsync(StreamReader reader, StreamWriter writer)
    {
        while (await reader.ReadLineAsync() is { } line && line != ".")
        {
        }
        await writer.WriteLineAsync("250 OK");
    }
}
