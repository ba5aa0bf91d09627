namespace KetamineCds.Domain.Rules.Scores;

/// <summary>
/// The PHQ-9 total the score rules compare with the recorded episode: SCR-001 (below it with a current episode recorded)
/// and SCR-002 (at or above it with none recorded) read the same cut-off. It is the source's (PHQ-9) and stays on the
/// "to verify" list with both rules (docs/rules.md); the clinical lead decides it.
/// </summary>
public static class Phq9Cutoff
{
    /// <summary>The usual PHQ-9 cut-off for major depression.</summary>
    public const int Depression = 10;

    /// <summary>The lowest PHQ-9 total of the moderate band (10-14; 0-4 minimal, 5-9 mild): EU-005 reads it.</summary>
    public const int ModerateBand = 10;
}
