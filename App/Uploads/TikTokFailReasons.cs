namespace Marketplaces.Uploads;

/// <summary>TikTok's <c>fail_reason</c> values (tiktok.md §4.7) in words a seller acts on.</summary>
public static class TikTokFailReasons
{
    public static string Words(string? reason) => reason switch
    {
        "file_format_check_failed" => "TikTok could not read the file as a video: export it as MP4 (H.264) and upload it again.",
        "duration_check_failed" => "The video is longer than this creator may post: shorten it and upload it again.",
        "frame_rate_check_failed" => "TikTok takes 23 to 60 frames a second: export the video at 30 fps and upload it again.",
        "picture_size_check_failed" => "TikTok takes 360 to 4096 pixels a side: export the video at another size and upload it again.",
        "internal" => "TikTok failed on its side: send it again.",
        "video_pull_failed" => "TikTok could not download the video: check its address is reachable, then send it again.",
        "auth_removed" => "The creator removed this app's access on TikTok: connect the account again.",
        "spam_risk_user_banned_from_posting" => "TikTok has banned this account from posting.",
        "spam_risk_text" => "TikTok refused the caption as spam: change it and upload again.",
        "spam_risk" => "TikTok refused the post as spam.",
        "spam_risk_too_many_posts" => "This account has posted as much as TikTok allows today: try again tomorrow.",
        "publish_cancelled" => "The post was cancelled.",
        null => "TikTok says the post failed, without a reason.",
        _ => $"TikTok says the post failed: {reason}.",
    };
}
