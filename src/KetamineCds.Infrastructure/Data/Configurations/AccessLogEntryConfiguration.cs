using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineCds.Infrastructure.Data.Configurations;

/// <summary>The access audit table: who signed in, viewed, printed, exported or replayed what, and when.</summary>
public sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessEvents");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.HasIndex(e => e.Id).IsUnique();
        builder.Property(e => e.Kind).HasMaxLength(32).IsRequired();
        builder.Property(e => e.UserEmail).HasMaxLength(AccessLogColumns.UserEmail).IsRequired();
        builder.Property(e => e.Role).HasMaxLength(AccessLogColumns.Role);
        builder.Property(e => e.Subject).HasMaxLength(AccessLogColumns.Subject);
        builder.Property(e => e.Detail).HasMaxLength(AccessLogColumns.Detail);
        builder.Property(e => e.CorrelationId).HasMaxLength(AccessLogColumns.CorrelationId).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        // The detail view lists a screening's access history; the auditor filters access by user, kind and time, newest
        // first by sequence. The user and subject filters ignore letter case: their indexes on lower(...) are in the
        // migration AccessLogLookups (an expression index is not part of the model).
        builder.HasIndex(e => new { e.Subject, e.Sequence });
        builder.HasIndex(e => new { e.UserEmail, e.Sequence });
        builder.HasIndex(e => new { e.Kind, e.Sequence });
        builder.HasIndex(e => e.OccurredAt);
    }
}
