namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The head of one hash chain: the last sequence, hash and id. Locked (SELECT ... FOR UPDATE) inside every append
/// so that several app instances writing to one PostgreSQL assign sequences one at a time; it also lets
/// verification notice entries removed from, or forged onto, the end of the chain.
/// </summary>
public sealed class LogChainHead
{
    public const string Decisions = "decisions";
    public const string Access = "access";

    public string Chain { get; set; } = "";

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = "";

    public Guid? LastId { get; set; }
}
