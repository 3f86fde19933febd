using System.Collections.Concurrent;

namespace FleetOps.Core.Reconciliation;

/// <summary>
/// The proof behind each <c>not_credited</c> sale (few), in memory for the worklist and the case page: which report's
/// days showed no credit. Loaded at start-up with the transaction book, changed only after a report committed.
/// </summary>
public sealed class NotCreditedBook
{
    private readonly ConcurrentDictionary<(string TerminalId, string TransactionId), NotCreditedProof> _proofs = new();

    public int Count => _proofs.Count;

    /// <summary>The sales with a proof now (another node's report is applied by comparing them with the database).</summary>
    public IReadOnlyCollection<(string TerminalId, string TransactionId)> Sales => _proofs.Keys.ToList();

    public NotCreditedProof? ProofOf(string terminalId, string transactionId) => _proofs.GetValueOrDefault((terminalId, transactionId));

    public void Load(IEnumerable<((string TerminalId, string TransactionId) Sale, NotCreditedProof Proof)> proofs)
    {
        _proofs.Clear();
        foreach (var (sale, proof) in proofs) _proofs[sale] = proof;
    }

    public void Put(string terminalId, string transactionId, NotCreditedProof proof) => _proofs[(terminalId, transactionId)] = proof;

    public void Remove(string terminalId, string transactionId) => _proofs.TryRemove((terminalId, transactionId), out _);
}
