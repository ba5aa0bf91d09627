namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>A patient's screenings, newest first, and the entries among them that could not be read (never left out unsaid).</summary>
public sealed record PatientScreenings(IReadOnlyList<LoggedScreening> Screenings, IReadOnlyList<UnreadableEntry> Unreadable);
