using System.Globalization;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>What makes a file not a checkpoint this app can read (<see cref="CheckpointFileProblem"/>).</summary>
public enum CheckpointFileProblemKind
{
    /// <summary>Not JSON, or JSON that is not an object of the checkpoint's fields (an empty file too).</summary>
    NotJson,

    /// <summary>The file names no format.</summary>
    NoFormat,

    /// <summary>The file names a format other than <see cref="SignedCheckpoint.Format"/>.</summary>
    UnknownFormat,

    /// <summary>The file names no signature algorithm.</summary>
    NoAlgorithm,

    /// <summary>The file names a signature algorithm other than <see cref="SignedCheckpoint.Algorithm"/>.</summary>
    UnknownAlgorithm,

    /// <summary>The file names no chain (or a name longer than 32 characters).</summary>
    NoChain,

    /// <summary>The chain's name is not a plain word (lower-case letters, digits and hyphens).</summary>
    ChainNotAWord,

    /// <summary>A well-formed checkpoint of another chain than the decision log's.</summary>
    OtherChain,

    /// <summary>The sequence is below zero.</summary>
    NegativeSequence,

    /// <summary>The head hash is not 64 lower-case hex digits.</summary>
    HeadHashNotHex,

    /// <summary>The key id is not 64 lower-case hex digits.</summary>
    KeyIdNotHex,

    /// <summary>The time is not <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>.</summary>
    TimeNotInFormat,

    /// <summary>The signature is missing or not base64.</summary>
    SignatureNotBase64,
}

/// <summary>
/// Why a file is not a checkpoint this app can read: its kind and the value the file gives where the kind names one, so
/// that a page words it in its own language (KetamineCds.Web's CheckpointTexts, from PageText), and
/// <see cref="English"/>, the words the decision log's API gives in <see cref="CheckpointStatus.Reason"/>.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Found">The format, algorithm or chain the file names (<see cref="CheckpointFileProblemKind.UnknownFormat"/>,
/// <see cref="CheckpointFileProblemKind.UnknownAlgorithm"/>, <see cref="CheckpointFileProblemKind.OtherChain"/>); null for the other kinds.</param>
public sealed record CheckpointFileProblem(CheckpointFileProblemKind Kind, string? Found = null)
{
    /// <summary>The problem in the API's words, a clause: "unknown format 'x' (expected ketaminecds-checkpoint/1)".</summary>
    public string English => Kind switch
    {
        CheckpointFileProblemKind.NotJson => "not a JSON checkpoint",
        CheckpointFileProblemKind.NoFormat => $"no format named (expected {SignedCheckpoint.Format})",
        CheckpointFileProblemKind.UnknownFormat => $"unknown format '{Found}' (expected {SignedCheckpoint.Format})",
        CheckpointFileProblemKind.NoAlgorithm => $"no algorithm named (expected {SignedCheckpoint.Algorithm})",
        CheckpointFileProblemKind.UnknownAlgorithm => $"unknown algorithm '{Found}' (expected {SignedCheckpoint.Algorithm})",
        CheckpointFileProblemKind.NoChain => "no chain named",
        CheckpointFileProblemKind.ChainNotAWord => "the chain name is not a plain word",
        CheckpointFileProblemKind.OtherChain => $"a checkpoint of the '{Found}' chain, not of the decision log",
        CheckpointFileProblemKind.NegativeSequence => "negative sequence",
        CheckpointFileProblemKind.HeadHashNotHex => "the head hash is not 64 lower-case hex digits",
        CheckpointFileProblemKind.KeyIdNotHex => "the key id is not 64 lower-case hex digits",
        CheckpointFileProblemKind.TimeNotInFormat => "the time is not yyyy-MM-ddTHH:mm:ss.ffffffZ",
        CheckpointFileProblemKind.SignatureNotBase64 => "the signature is not base64",
        _ => string.Create(CultureInfo.InvariantCulture, $"not a readable checkpoint ({Kind})"),
    };
}
