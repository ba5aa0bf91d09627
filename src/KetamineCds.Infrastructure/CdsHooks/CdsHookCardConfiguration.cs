using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineCds.Infrastructure.CdsHooks;

/// <summary>The card table: one row per card sent, by its uuid.</summary>
public sealed class CdsHookCardConfiguration : IEntityTypeConfiguration<CdsHookCard>
{
    public void Configure(EntityTypeBuilder<CdsHookCard> builder)
    {
        builder.ToTable("CdsHookCards");
        builder.HasKey(e => e.Uuid);
        builder.Property(e => e.Uuid).ValueGeneratedNever();
        builder.Property(e => e.ServiceId).HasMaxLength(128).IsRequired();
        builder.Property(e => e.Issuer).HasMaxLength(256).IsRequired();
        builder.Property(e => e.OverrideDecision).HasMaxLength(16).IsRequired();
        builder.HasIndex(e => e.EntryId);
    }
}
