namespace KetamineCds.Domain.Screening;

/// <summary>The identity of the rule set an assessment was made with.</summary>
/// <param name="Version">Semantic version, e.g. <c>1.0.0</c>.</param>
/// <param name="Digest"><c>sha256:</c> followed by the hex digest of the rules' canonical definitions.</param>
public sealed record RuleSetIdentity(string Version, string Digest);
