using FleetOps.Web.Tests.Alerts;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>The alert tests' fake-clock app with e-mail on, through its own <see cref="MailServer"/>; the mail tests share it.</summary>
public sealed class MailClockApp : AlertClockApp
{
    public MailClockApp() : this(MailServer.Start())
    {
    }

    private MailClockApp(MailServer server) : base(server.Settings) => Mail = server;

    public MailServer Mail { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mail.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MailClockCollection : ICollectionFixture<MailClockApp>
{
    public const string Name = "E-mail on a fake clock";
}
