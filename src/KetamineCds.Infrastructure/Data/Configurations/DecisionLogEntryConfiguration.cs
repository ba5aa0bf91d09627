using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineCds.Infrastructure.Data.Configurations;

/// <summary>
/// The decision log table. JSON columns are plain text, never jsonb: jsonb would reorder keys and the stored text
/// must stay byte for byte what was hashed and shown.
/// </summary>
public sealed class DecisionLogEntryConfiguration : IEntityTypeConfiguration<DecisionLogEntry>
{
    public void Configure(EntityTypeBuilder<DecisionLogEntry> builder)
    {
        builder.ToTable("DecisionLogEntries");
        builder.HasKey(e => e.Sequence);
        // Sequences are assigned by the app under the chain-head lock, never by the database.
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.HasIndex(e => e.Id).IsUnique();
        builder.Property(e => e.EntryType).HasMaxLength(16).IsRequired();
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorEmail).HasMaxLength(DecisionLogColumns.ActorEmail).IsRequired();
        builder.Property(e => e.ActorRole).HasMaxLength(64).IsRequired();
        builder.Property(e => e.CorrelationId).HasMaxLength(128).IsRequired();
        builder.Property(e => e.PatientReference).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Overall).HasMaxLength(32);
        builder.Property(e => e.RuleSetVersion).HasMaxLength(32);
        builder.Property(e => e.RuleSetDigest).HasMaxLength(80);
        builder.Property(e => e.InputJson).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();

        // The auditor's list is ordered newest first by (RecordedAt, Sequence) and filtered by one of these; each
        // index serves a filter plus the keyset order so a first page never scans the table. The clinician filter
        // matches the email in any letter case, through (lower("ActorEmail"), RecordedAt, Sequence): migration
        // ClinicianAnyCase, outside the model; migration DropExactCaseClinicianIndex dropped the exact-case one it replaced.
        builder.HasIndex(e => new { e.RecordedAt, e.Sequence });
        builder.HasIndex(e => new { e.PatientReference, e.RecordedAt, e.Sequence });
        builder.HasIndex(e => new { e.Overall, e.RecordedAt, e.Sequence });
        builder.HasIndex(e => new { e.RuleSetVersion, e.RecordedAt, e.Sequence });
        builder.HasIndex(e => e.RelatesToId);

        // One entry per submitted form or idempotency key: a resent post, or two at once, records one screening (QA11
        // F6). Null for entries without one; both databases let a unique index hold any number of nulls.
        builder.HasIndex(e => e.SubmissionId).IsUnique();

        // A CDS Hooks call looks up the patient's newest screening: every chart opened records a hook answer for the
        // patient too, so without the entry type in the key the lookup would walk all of them.
        builder.HasIndex(e => new { e.PatientReference, e.EntryType, e.RecordedAt, e.Sequence });
    }
}
