namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// The database answered and refused to record the hook's screening (<see cref="Screenings.RecordingStatus.RefusedByDatabase"/>,
/// already logged by the recorder): no outage, so the call is answered 409 as the screening API answers, with no card.
/// </summary>
public sealed class CdsHookRefusedException : Exception
{
    public CdsHookRefusedException()
        : base("The database refused to record the hook's screening.")
    {
    }

    public CdsHookRefusedException(string message)
        : base(message)
    {
    }

    public CdsHookRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
