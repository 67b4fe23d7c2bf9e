using Spiisee.EventSourced.Domain.Accounts;

namespace Spiisee.EventSourced.Domain.Tickets;

/// <summary>R6: channels, release stages, languages and categories the policy covers.</summary>
public static class Coverage
{
    private static readonly HashSet<string> OfficialForAll = ["Web", "Email"];
    private static readonly HashSet<string> PremiumOnly = ["Phone", "Chat", "ScreenShare"];

    /// <summary>R6 4: served for every customer, whatever the agreement, release, product or language.</summary>
    private static readonly HashSet<string> AlwaysServed = ["Billing", "AccountManagement"];

    private static readonly HashSet<string> Covered =
        ["Incident", "RootCauseAnalysis", "Installation", "Upgrade", "BugReport", "Training", "Configuration", "Integration", "HowTo"];

    /// <summary>R6 8: not covered, and referred to the partner network.</summary>
    private static readonly HashSet<string> PartnerNetwork =
        ["PerformanceTuning", "CapacityPlanning", "InstallationServices", "DeploymentPlanning"];

    /// <summary>R6 6: "we do support release candidates" prevails over the earlier listing.</summary>
    private static readonly HashSet<string> SupportedReleases = ["GA", "ReleaseCandidate"];

    public static bool IsOfficialChannel(string channel, Plan plan) =>
        OfficialForAll.Contains(channel) || (plan == Plan.Premium && PremiumOnly.Contains(channel));

    public static bool IsAlwaysServed(string category) => AlwaysServed.Contains(category);

    public static bool IsSupportedRelease(string releaseStage) => SupportedReleases.Contains(releaseStage);

    /// <summary>R6 7: English in any region: "en", "en-US", "en_GB".</summary>
    public static bool IsEnglish(string language) =>
        language.Equals("en", StringComparison.OrdinalIgnoreCase)
        || (language.Length > 3 && language[..2].Equals("en", StringComparison.OrdinalIgnoreCase) && language[2] is '-' or '_');

    public static bool IsCovered(string category) => Covered.Contains(category);

    public static bool IsReferredToPartners(string category) => PartnerNetwork.Contains(category);
}
