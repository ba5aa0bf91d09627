namespace KetamineCds.Web.Screenings;

/// <summary>How an attempt to record a screening ended.</summary>
public enum RecordingStatus
{
    /// <summary>The screening was durably recorded; its result may be shown.</summary>
    Recorded,

    /// <summary>Some fields need attention; nothing was evaluated or stored.</summary>
    Invalid,

    /// <summary>The decision log could not record it; nothing was stored and no result may be shown.</summary>
    NotRecorded,

    /// <summary>The decision log failed during the commit: it may have been stored, so no result may be shown.</summary>
    MayHaveBeenRecorded,
}
