namespace Marketplaces.Uploads;

/// <summary>TikTok's refusals of a post (tiktok.md §4.6, §4.1's quirk) in words a seller acts on; null for a code not listed.</summary>
public static class TikTokPostingRefusals
{
    public static string? Words(string? code) => code switch
    {
        "spam_risk_too_many_posts" => "This creator has posted as much as TikTok allows today: try again tomorrow.",
        "spam_risk_too_many_pending_share" => "This creator already has 5 drafts waiting in the TikTok inbox from the last 24 hours: post or delete some in TikTok, or wait.",
        "spam_risk_user_banned_from_posting" => "TikTok has banned this account from posting.",
        "reached_active_user_cap" => "This app has reached TikTok's daily number of creators who may post through it: try again tomorrow.",
        "unaudited_client_can_only_post_to_private_accounts" => "Until TikTok audits this app, it may post only to private accounts, visible to the creator alone.",
        "privacy_level_option_mismatch" => "The creator can no longer post with that privacy: open the form again and choose another.",
        "scope_not_authorized" => "The TikTok account did not allow posting: connect it again and allow video publishing.",
        "url_ownership_unverified" => "The video's address is not under a domain verified for this app on TikTok.",
        _ => null,
    };
}
