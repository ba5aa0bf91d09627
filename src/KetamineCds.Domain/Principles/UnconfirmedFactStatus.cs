namespace KetamineCds.Domain.Principles;

/// <summary>How the fact base (<c>label-and-literature.md</c>) holds an unconfirmed fact a rule relies on.</summary>
public enum UnconfirmedFactStatus
{
    /// <summary>Tagged [K] there: known to its compiler, not confirmed in a source that was read.</summary>
    Known,

    /// <summary>Not recorded there at all: general pharmacology, clinic policy, a reading by analogy or this app's own reading.</summary>
    NotInFactBase,
}
