using FleetOps.Web.Security;

namespace FleetOps.Web.Tests.Security;

/// <summary>
/// The key cache holds one map (hash → terminal); replacing a terminal's key must still retire the old one at once, for
/// one terminal, for a batch, and across a reload, since the reverse map that used to find it is gone.
/// </summary>
public sealed class TerminalKeysTests
{
    private static (string Key, byte[] Hash) NewKey()
    {
        var key = TerminalKeys.NewKey();
        return (key, TerminalKeys.Hash(key));
    }

    [Fact]
    public void A_new_key_works_for_its_terminal_only()
    {
        var keys = new TerminalKeys();
        var (key, hash) = NewKey();
        keys.Set("T-1", hash);

        Assert.Equal(KeyCheck.Valid, keys.Check(key, null, out var owner));
        Assert.Equal("T-1", owner);
        Assert.Equal(KeyCheck.Valid, keys.Check(key, "T-1", out _));
        Assert.Equal(KeyCheck.OtherTerminal, keys.Check(key, "T-2", out _));
        Assert.Equal(KeyCheck.UnknownKey, keys.Check(TerminalKeys.NewKey(), null, out var nobody));
        Assert.Null(nobody);
    }

    [Fact]
    public void A_replaced_key_stops_working_and_other_terminals_keep_theirs()
    {
        var keys = new TerminalKeys();
        var (oldKey, oldHash) = NewKey();
        var (otherKey, otherHash) = NewKey();
        keys.Load([("T-1", oldHash), ("T-2", otherHash)]);

        var (newKey, newHash) = NewKey();
        keys.Set("T-1", newHash);

        Assert.Equal(KeyCheck.UnknownKey, keys.Check(oldKey, null, out _));
        Assert.Equal(KeyCheck.Valid, keys.Check(newKey, "T-1", out _));
        Assert.Equal(KeyCheck.Valid, keys.Check(otherKey, "T-2", out _));
    }

    [Fact]
    public void A_batch_retires_every_key_it_replaces_and_keeps_keys_set_again_unchanged()
    {
        var keys = new TerminalKeys();
        var old = Enumerable.Range(0, 50).Select(i => (Id: $"T-{i}", Key: NewKey())).ToList();
        keys.Load(old.Select(t => (t.Id, t.Key.Hash)));

        // Even terminals get new keys; odd ones are named again with the key they have (another node's reload does that).
        var next = old.Select((t, i) => (t.Id, Key: i % 2 == 0 ? NewKey() : t.Key)).ToList();
        keys.SetMany(next.Select(t => (t.Id, t.Key.Hash)).ToList());

        for (var i = 0; i < old.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? KeyCheck.UnknownKey : KeyCheck.Valid, keys.Check(old[i].Key.Key, old[i].Id, out _));
            Assert.Equal(KeyCheck.Valid, keys.Check(next[i].Key.Key, next[i].Id, out _));
        }
    }

    [Fact]
    public void Loading_replaces_every_key_held_before()
    {
        var keys = new TerminalKeys();
        var (gone, goneHash) = NewKey();
        keys.Set("T-old", goneHash);
        var (kept, keptHash) = NewKey();

        keys.Load([("T-1", keptHash)]);

        Assert.Equal(KeyCheck.UnknownKey, keys.Check(gone, null, out _));
        Assert.Equal(KeyCheck.Valid, keys.Check(kept, "T-1", out _));
    }
}
