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
        builder.Property(e => e.UserEmail).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Role).HasMaxLength(64);
        builder.Property(e => e.Subject).HasMaxLength(128);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.CorrelationId).HasMaxLength(128).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        // The detail view lists a screening's access history; the auditor filters access by user and time.
        builder.HasIndex(e => new { e.Subject, e.Sequence });
        builder.HasIndex(e => new { e.UserEmail, e.Sequence });
        builder.HasIndex(e => e.OccurredAt);
    }
}
