namespace FleetOps.Web.Cluster;

/// <summary>
/// How this node applies another node's <see cref="BookChange"/> of one kind to its own book (registered once per kind;
/// <see cref="Ingestion.ChangeFollower"/> dispatches by kind). Each apply re-reads the named rows from the database.
/// </summary>
public sealed class BookFollower(string kind, Func<BookChange, CancellationToken, Task> apply)
{
    public string Kind { get; } = kind;

    public Task ApplyAsync(BookChange change, CancellationToken cancellationToken) => apply(change, cancellationToken);
}
