using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// A fake SMTP server (netDumbster) on 127.0.0.1 at a free port, for the e-mail tests. It can be stopped (a dead mail
/// server: connections refused) and started again on the same port; what it received is read back as MIME messages.
/// It can also refuse every mail with a reply of its own (<see cref="Refuse"/>: "550 … User unknown") until resumed.
/// </summary>
public sealed class MailServer : IDisposable
{
    private readonly List<MimeMessage> _arrived = [];
    private SimpleSmtpServer? _server;
    private RefusingMailServer? _refusing;

    private MailServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The <c>FleetOps:Mail</c> settings that point FleetOps here.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["FleetOps:Mail:Host"] = "127.0.0.1",
        ["FleetOps:Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FleetOps:Mail:Security"] = "None",
        ["FleetOps:Mail:FromAddress"] = "fleetops@fleetops.test",
        ["FleetOps:Mail:PublicBaseUrl"] = "https://fleetops.test/",
        // Each alert's mail at once, as the tests of one mail expect; MailDigestTests set the window.
        ["FleetOps:Mail:DigestSeconds"] = "0",
    };

    public static MailServer Start()
    {
        var server = new MailServer(FreePort());
        server.Resume();
        return server;
    }

    /// <summary>Every mail received, before and after stops, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Received
    {
        get
        {
            lock (_arrived) return [.. _arrived];
        }
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    public void Stop()
    {
        lock (_arrived)
        {
            _server?.Dispose();
            _server = null;
            _refusing?.Dispose();
            _refusing = null;
        }
    }

    /// <summary>From now until <see cref="Resume"/>, answers <paramref name="command"/> (RCPT, MAIL or DATA) of every mail with <paramref name="reply"/>.</summary>
    public void Refuse(string reply, string command = "RCPT")
    {
        lock (_arrived)
        {
            Stop();
            _refusing = new RefusingMailServer(Port, command, reply);
        }
    }

    public void Resume()
    {
        lock (_arrived)
        {
            _refusing?.Dispose();
            _refusing = null;
            if (_server is not null) return;
            _server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(Port).Build();
            _server.MessageReceived += (_, e) =>
            {
                var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(e.Message.Data)));
                lock (_arrived) _arrived.Add(mail);
            };
        }
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
