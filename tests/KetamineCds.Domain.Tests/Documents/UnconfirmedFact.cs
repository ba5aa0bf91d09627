namespace KetamineCds.Domain.Tests.Documents;

/// <summary>
/// A fact from <c>label-and-literature.md</c> tagged [K] (known to the compiler, not confirmed in a source read) that
/// one or more rules rely on. Each is listed in <c>docs/rules.md</c> as "to verify" before release.
/// </summary>
/// <param name="Fact">The unconfirmed fact, in plain words.</param>
/// <param name="From">Where in the fact base it is recorded.</param>
/// <param name="RuleIds">The rules that rely on it.</param>
public sealed record UnconfirmedFact(string Fact, string From, IReadOnlyList<string> RuleIds);
