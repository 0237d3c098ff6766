"""The metric and channel catalogue: its data, and how names from real exports map to it."""

from __future__ import annotations

import pytest

from kpi_core import catalogue
from kpi_core.catalogue import FUZZY_MAP_SCORE, match_channel, match_metric
from kpi_core.models import ActionKind, ChannelKind, Stage

REQUIRED_METRICS = (
    "reach", "impressions", "video_views", "watch_time", "followers", "new_followers",
    "profile_visits", "page_views", "sessions", "users", "likes", "comments", "shares", "saves",
    "engagements", "engagement_rate", "clicks", "link_clicks", "ctr", "time_on_page",
    "inquiries", "leads", "qualified_leads", "demo_requests", "trials", "content_downloads",
    "sign_ups", "app_installs", "messaging_conversations", "email_subscribers", "add_to_cart",
    "checkouts", "purchases", "store_visits", "direction_requests", "calls", "conversions",
    "revenue", "spend", "cpm", "cpc", "cpl", "cpa", "roas", "repeat_purchases",
)  # fmt: skip

# Every rate DESIGN.md names, with the parts it is computed from and its scale.
RATES = (
    ("engagement_rate", ("engagements", "reach"), 1.0),
    ("engagement_rate_impressions", ("engagements", "impressions"), 1.0),
    ("engagement_rate_followers", ("engagements", "followers"), 1.0),
    ("conversation_rate", ("comments", "posts"), 1.0),
    ("amplification_rate", ("shares", "posts"), 1.0),
    ("applause_rate", ("likes", "posts"), 1.0),
    ("applause_rate_followers", ("likes", "followers"), 1.0),
    ("ctr", ("clicks", "impressions"), 1.0),
    ("conversion_rate", ("conversions", "clicks"), 1.0),
    ("cpm", ("spend", "impressions"), 1000.0),
    ("cpc", ("spend", "clicks"), 1.0),
    ("cpc_link", ("spend", "link_clicks"), 1.0),
    ("cpl", ("spend", "leads"), 1.0),
    ("cpa", ("spend", "conversions"), 1.0),
    ("roas", ("revenue", "spend"), 1.0),
    ("follower_growth_rate", ("new_followers", "followers"), 1.0),
)

SALES_METRICS = {
    "purchases", "buyers", "units_sold", "revenue", "gmv", "creator_gmv", "average_order_value",
    "roas", "acos", "roi", "repeat_purchases", "first_time_buyers", "returning_buyers",
    "cancelled_orders", "returned_orders", "cancelled_sales", "refunds",
}  # fmt: skip

# Metric headers as the platforms write them (FORMATS.md), English and Indonesian.
METRIC_HEADERS = (
    # Meta Business Suite, Facebook posts
    ("Views", "video_views"),
    ("Reach", "reach"),
    ("Reactions, Comments and Shares", "engagements"),
    ("Reactions", "likes"),
    ("Comments", "comments"),
    ("Shares", "shares"),
    ("Total clicks", "clicks"),
    ("Link Clicks", "link_clicks"),
    ("Other Clicks", "other_clicks"),
    ("Matched Audience Targeting Consumption (Photo Click)", "media_clicks"),
    ("Negative feedback from users: Hide all", "negative_feedback"),
    ("Negative feedback from users: Hide", "hides"),
    ("Negative feedback from users: Report as spam", "spam_reports"),
    ("Negative feedback from users: Unlike page", "page_unlikes"),
    ("Hide", "hides"),
    ("Report as spam", "spam_reports"),
    ("Unlike page", "page_unlikes"),
    ("Seconds viewed", "watch_time"),
    ("Average Seconds viewed", "average_view_duration"),
    ("Estimated earnings (USD)", "estimated_earnings"),
    ("Ad CPM (USD)", "cpm"),
    ("Ad impressions", "impressions"),
    # Instagram posts
    ("Likes", "likes"),
    ("Follows", "new_followers"),
    ("Saves", "saves"),
    # Meta daily page series
    ("Visits", "profile_visits"),
    ("Interactions", "engagements"),
    ("Link clicks", "link_clicks"),
    ("Viewers", "reach"),
    ("Facebook follows", "new_followers"),
    # Legacy Insights Data Export (Post Level)
    ("Lifetime Post Total Reach", "reach"),
    ("Lifetime Post organic reach", "reach"),
    ("Lifetime Post Paid Reach", "reach"),
    ("Lifetime Post Total Impressions", "impressions"),
    ("Lifetime Engaged Users", "engagements"),
    # Meta Ads Manager, English (current and Title Case)
    ("Amount spent (IDR)", "spend"),
    ("Amount Spent (USD)", "spend"),
    ("Results", "results"),
    ("Cost per result", "cost_per_result"),
    ("Impressions", "impressions"),
    ("Frequency", "frequency"),
    ("Post engagements", "engagements"),
    ("Post reactions", "likes"),
    ("Post Reactions", "likes"),
    ("Post comments", "comments"),
    ("Post shares", "shares"),
    ("Clicks (all)", "clicks"),
    ("CTR (all)", "ctr"),
    ("CPM (cost per 1,000 impressions) (IDR)", "cpm"),
    ("CPC (cost per link click) (IDR)", "cpc_link"),
    ("CTR (link click-through rate)", "ctr_link"),
    ("Messaging conversations started", "messaging_conversations"),
    ("Leads", "leads"),
    ("Purchases", "purchases"),
    ("Purchase ROAS (return on ad spend)", "roas"),
    ("Website purchase ROAS (return on advertising spend)", "roas"),
    ("Checkouts initiated", "checkouts"),
    ("Adds to cart", "add_to_cart"),
    # Meta Ads Manager and Business Suite, Indonesian
    ("Jumlah yang dibelanjakan (IDR)", "spend"),
    ("Impresi", "impressions"),
    ("Jangkauan", "reach"),
    ("Klik tautan", "link_clicks"),
    ("CTR (rasio klik tayang tautan)", "ctr_link"),
    ("CPM (biaya per 1.000 tayangan) (IDR)", "cpm"),
    ("CPM (Biaya Per 1.000 Tayangan) (IDR)", "cpm"),
    ("CPC (biaya per klik tautan) (IDR)", "cpc_link"),
    ("Hasil", "results"),
    ("Biaya per hasil", "cost_per_result"),
    ("Frekuensi", "frequency"),
    ("Pembelian", "purchases"),
    ("Nilai konversi pembelian", "revenue"),
    ("ROAS (imbal hasil belanja iklan) pembelian", "roas"),
    ("Proses pembayaran yang dimulai", "checkouts"),
    ("Prospek", "leads"),
    ("Prospek penjualan", "leads"),
    ("Percakapan pesan dimulai", "messaging_conversations"),
    ("Tambah ke keranjang", "add_to_cart"),
    ("Pendaftaran", "sign_ups"),
    ("Unduhan", "content_downloads"),
    ("Permintaan demo", "demo_requests"),
    ("Tayangan", "video_views"),
    ("Kunjungan profil", "profile_visits"),
    ("Pengikut", "followers"),
    ("Interaksi", "engagements"),
    ("Suka", "likes"),
    ("Komentar", "comments"),
    ("Balasan", "comments"),
    ("Dibagikan", "shares"),
    ("Frekuensi dibagikan", "shares"),
    ("Frekuensi disimpan", "saves"),
    ("Mengikuti", "new_followers"),
    ("Pendapatan", "revenue"),
    ("Penjualan", "revenue"),
    # X, legacy tweet activity (organic and promoted copies)
    ("impressions", "impressions"),
    ("engagements", "engagements"),
    ("engagement rate", "engagement_rate"),
    ("retweets", "shares"),
    ("replies", "comments"),
    ("likes", "likes"),
    ("favorites", "likes"),
    ("user profile clicks", "profile_visits"),
    ("url clicks", "link_clicks"),
    ("hashtag clicks", "hashtag_clicks"),
    ("detail expands", "detail_expands"),
    ("permalink clicks", "permalink_clicks"),
    ("app opens", "app_opens"),
    ("app installs", "app_installs"),
    ("follows", "new_followers"),
    ("email tweet", "email_shares"),
    ("dial phone", "calls"),
    ("media views", "media_views"),
    ("media engagements", "media_clicks"),
    ("promoted impressions", "impressions"),
    ("promoted url clicks", "link_clicks"),
    ("promoted engagement rate", "engagement_rate"),
    # X, 2024+ content and overview
    ("Engagements", "engagements"),
    ("Bookmarks", "saves"),
    ("New follows", "new_followers"),
    ("Replies", "comments"),
    ("Reposts", "shares"),
    ("Profile visits", "profile_visits"),
    ("Detail Expands", "detail_expands"),
    ("URL Clicks", "link_clicks"),
    ("Hashtag Clicks", "hashtag_clicks"),
    ("Permalink Clicks", "permalink_clicks"),
    ("Unfollows", "lost_followers"),
    ("Video views", "video_views"),
    ("Media views", "media_views"),
    # X Ads
    ("Spend", "spend"),
    ("Retweets", "shares"),
    # TikTok Studio and business export
    ("Video Views", "video_views"),
    ("Profile Views", "profile_visits"),
    ("Followers", "followers"),
    ("Difference in followers from previous day", "net_follower_growth"),
    ("reached audience", "reach"),
    ("phone clicks", "calls"),
    ("leads", "leads"),
    ("net growth", "net_follower_growth"),
    ("new followers", "new_followers"),
    ("lost followers", "lost_followers"),
    # LinkedIn Metrics and All posts
    ("Impressions (organic)", "impressions"),
    ("Impressions (sponsored)", "impressions"),
    ("Impressions (total)", "impressions"),
    ("Clicks (organic)", "clicks"),
    ("Reactions (sponsored)", "likes"),
    ("Comments (total)", "comments"),
    ("Reposts (organic)", "shares"),
    ("Engagement rate (total)", "engagement_rate"),
    ("Clicks", "clicks"),
    ("Click through rate (CTR)", "ctr"),
    ("Engagement rate", "engagement_rate"),
    # YouTube Studio
    ("Impressions click-through rate (%)", "ctr"),
    ("Average view duration", "average_view_duration"),
    ("Watch time (hours)", "watch_time"),
    ("Subscribers", "new_followers"),
    # GA4
    ("Active users", "users"),
    ("Views per active user", "views_per_user"),
    ("Average engagement time per active user", "time_on_page"),
    ("Event count", "event_count"),
    ("Key events", "conversions"),
    ("Total revenue", "revenue"),
    ("Sessions", "sessions"),
    ("Page views", "page_views"),
    # Shopee shop stats and ads
    ("Total Penjualan (IDR)", "revenue"),
    ("Total Pesanan", "purchases"),
    ("Penjualan per Pesanan", "average_order_value"),
    ("Produk Diklik", "product_clicks"),
    ("Total Pengunjung", "users"),
    ("Tingkat Konversi Pesanan", "order_conversion_rate"),
    ("Total Potensi Pembeli", "potential_buyers"),
    ("Tingkat Pembelian Berulang", "repeat_purchase_rate"),
    ("Dilihat", "impressions"),
    ("Jumlah Klik", "clicks"),
    ("Persentase Klik", "ctr"),
    ("Omzet Penjualan", "revenue"),
    ("Biaya", "spend"),
    ("Efektifitas Iklan", "roas"),
    ("Efektivitas Iklan", "roas"),
    ("Persentase Biaya Iklan terhadap Penjualan dari Iklan (ACOS)", "acos"),
    ("Add to Cart", "add_to_cart"),
    ("Tambah ke Keranjang", "add_to_cart"),
    ("Konversi", "conversions"),
    ("Produk Terjual", "units_sold"),
    # TikTok Shop
    ("GMV", "gmv"),
    ("GMV dari LIVE kreator", "creator_gmv"),
    ("GMV dari kreator", "creator_gmv"),
    ("Pengunjung", "users"),
    ("Pendapatan bruto", "revenue"),
    ("Klik produk", "product_clicks"),
    ("Pembeli", "buyers"),
    ("Tayangan produk", "impressions"),
    # Instagram stories, X account overview
    ("Navigation", "story_navigation"),
    ("Sticker taps", "sticker_taps"),
    ("Create Post", "posts"),
    # GA4
    ("Engaged sessions", "engaged_sessions"),
    ("Sesi dengan interaksi", "engaged_sessions"),
    # GA4 acquisition and e-commerce reports, as GA4 shows them by default
    ("New users", "new_users"),
    ("Returning users", "returning_users"),
    ("Total users", "users"),
    ("Sessions per user", "sessions_per_user"),
    ("Engaged sessions per active user", "engaged_sessions_per_user"),
    ("Events per session", "events_per_session"),
    ("Views per session", "views_per_session"),
    ("Bounce rate", "bounce_rate"),
    ("Session key event rate", "session_conversion_rate"),
    ("User key event rate", "user_conversion_rate"),
    ("Total purchasers", "buyers"),
    ("First time purchasers", "first_time_buyers"),
    ("Purchaser rate", "purchaser_rate"),
    ("Items viewed", "product_views"),
    ("Items added to cart", "add_to_cart"),
    ("Items purchased", "units_sold"),
    ("Item revenue", "revenue"),
    # TikTok Ads (GMV Max in Indonesian, standard in English)
    ("Pesanan SKU", "purchases"),
    ("Biaya per pesanan", "cost_per_purchase"),
    ("Pendapatan kotor", "revenue"),
    ("Cost", "spend"),
    ("CPC (destination)", "cpc_link"),
    ("Clicks (destination)", "link_clicks"),
    ("CTR (destination)", "ctr_link"),
    ("CPM", "cpm"),
    ("Conversions", "conversions"),
    ("Cost per conversion", "cpa"),
    # Google Ads
    ("Impr.", "impressions"),
    ("CTR", "ctr"),
    ("Cost / conv.", "cpa"),
    ("Avg. CPC", "cpc"),
    ("Conv. rate", "conversion_rate"),
    ("Conv. value", "revenue"),
    ("Conv. value / cost", "roas"),
    # Google Business Profile
    ("Google Search - Mobile", "search_views"),
    ("Google Search - Desktop", "search_views"),
    ("Google Maps - Mobile", "maps_views"),
    ("Google Maps - Desktop", "maps_views"),
    ("Calls", "calls"),
    ("Messages", "messaging_conversations"),
    ("Bookings", "bookings"),
    ("Directions", "direction_requests"),
    ("Website clicks", "link_clicks"),
    # Spreadsheets marketers keep themselves
    ("Qualified leads", "qualified_leads"),
    ("Demo requests", "demo_requests"),
    ("Trials", "trials"),
    ("Content downloads", "content_downloads"),
    ("Inquiries", "inquiries"),
    ("Sign-ups", "sign_ups"),
    ("Email subscribers", "email_subscribers"),
    ("Newsletter sign ups", "new_email_subscribers"),
    ("Emails sent", "emails_sent"),
    # LinkedIn page analytics: unique impressions are the people reached
    ("Unique impressions (organic)", "reach"),
    # TikTok Studio viewers
    ("Total Viewers", "reach"),
    ("New Viewers", "new_viewers"),
    ("Returning Viewers", "returning_viewers"),
    ("Penonton baru", "new_viewers"),
    ("Penonton yang kembali", "returning_viewers"),
    ("Store visits", "store_visits"),
    ("Revenue", "revenue"),
    ("Repeat purchases", "repeat_purchases"),
    ("Time on page", "time_on_page"),
    ("CPL", "cpl"),
    ("CPA", "cpa"),
    ("ROAS", "roas"),
    ("ROI", "roi"),
    ("Posts", "posts"),
    # Default columns of the platforms' standard reports beyond FORMATS.md (audit of defaults)
    # Meta Business Suite posts: video thresholds, profile activity; Indonesian UI
    ("3-second video views", "video_views_3s"),
    ("1-minute video views", "video_views_1min"),
    ("15-second video views", "thruplays"),
    ("Profile activity", "profile_activity"),
    ("Aktivitas profil", "profile_activity"),
    ("Umpan balik negatif dari pengguna: Sembunyikan semua", "negative_feedback"),
    ("Tayangan video 3 detik", "video_views_3s"),
    ("Detik ditonton", "watch_time"),
    ("Rata-rata detik ditonton", "average_view_duration"),
    ("CPM iklan (USD)", "cpm"),
    # Meta Ads Manager presets (performance, engagement, video, messaging, purchases)
    ("Unique link clicks", "link_clicks"),
    ("Outbound clicks", "outbound_clicks"),
    ("Klik keluar", "outbound_clicks"),
    ("Outbound CTR (click-through rate)", "ctr_outbound"),
    ("Landing page views", "landing_page_views"),
    ("Tayangan halaman landing", "landing_page_views"),
    ("Cost per landing page view (IDR)", "cost_per_landing_page_view"),
    ("Page engagement", "page_engagement"),
    ("Interaksi halaman", "page_engagement"),
    ("Cost per post engagement (IDR)", "cost_per_engagement"),
    ("Photo views", "media_clicks"),
    ("Follows or likes", "new_followers"),
    ("ThruPlays", "thruplays"),
    ("ThruPlay", "thruplays"),
    ("Cost per ThruPlay (IDR)", "cost_per_thruplay"),
    ("3-second video plays", "video_views_3s"),
    ("Pemutaran video 3 detik", "video_views_3s"),
    ("Video plays at 25%", "video_plays_25"),
    ("Video plays at 50%", "video_plays_50"),
    ("Video plays at 75%", "video_plays_75"),
    ("Video plays at 95%", "video_plays_95"),
    ("Video plays at 100%", "video_completions"),
    ("Pemutaran video 100%", "video_completions"),
    ("Video average play time", "average_view_duration"),
    ("Waktu pemutaran video rata-rata", "average_view_duration"),
    ("Messaging contacts", "messaging_contacts"),
    ("New messaging contacts", "messaging_contacts"),
    ("Kontak pesan baru", "messaging_contacts"),
    ("Cost per messaging conversation started (IDR)", "cost_per_conversation"),
    ("Biaya per percakapan pesan dimulai (IDR)", "cost_per_conversation"),
    ("Cost per add to cart (IDR)", "cost_per_add_to_cart"),
    ("Biaya per penambahan ke keranjang (IDR)", "cost_per_add_to_cart"),
    ("Penambahan ke keranjang", "add_to_cart"),
    ("Cost per checkout initiated (IDR)", "cost_per_checkout"),
    ("Checkout yang dimulai", "checkouts"),
    ("Content views", "product_views"),
    ("Tayangan konten", "product_views"),
    ("Postingan disimpan", "saves"),
    ("Instagram profile visits", "profile_visits"),
    ("Kunjungan profil Instagram", "profile_visits"),
    # X daily tweet activity
    ("Tweets published", "posts"),
    # TikTok Studio (Indonesian UI) and business account
    ("Penayangan video", "video_views"),
    ("Penayangan profil", "profile_visits"),
    ("email clicks", "inquiries"),
    ("address clicks", "direction_requests"),
    ("app download link clicks", "link_clicks"),
    # TikTok Ads Manager
    ("Result rate", "result_rate"),
    ("Cost per 1,000 people reached", "cost_per_1000_reached"),
    ("Biaya per 1.000 orang yang dijangkau", "cost_per_1000_reached"),
    ("2-second video views", "video_views_2s"),
    ("6-second video views", "video_views_6s"),
    ("Video views at 25%", "video_plays_25"),
    ("Video views at 100%", "video_completions"),
    ("Average play time per video view", "average_view_duration"),
    ("Average play time per user", "watch_time_per_viewer"),
    ("Complete payment", "purchases"),
    ("Cost per complete payment", "cost_per_purchase"),
    ("Complete payment ROAS", "roas"),
    ("Total purchase value", "revenue"),
    # LinkedIn all posts
    ("Views (excluding off-site video views)", "video_views"),
    ("Off-site views", "off_site_views"),
    # YouTube Studio, English and Indonesian
    ("Estimated revenue (USD)", "estimated_earnings"),
    ("Your estimated revenue (USD)", "estimated_earnings"),
    ("Estimasi pendapatan (USD)", "estimated_earnings"),
    ("Average percentage viewed (%)", "average_percentage_viewed"),
    ("Persentase rata-rata yang ditonton (%)", "average_percentage_viewed"),
    ("Dislikes", "negative_feedback"),
    ("Tidak suka", "negative_feedback"),
    ("Comments added", "comments"),
    ("Komentar yang ditambahkan", "comments"),
    ("Subscriber yang diperoleh", "new_followers"),
    ("Subscriber yang hilang", "lost_followers"),
    ("Penonton unik", "reach"),
    ("Engaged views", "video_views"),
    ("Stayed to watch (%)", "stayed_to_watch"),
    ("RPM (USD)", "rpm"),
    ("Playback-based CPM (USD)", "cpm"),
    ("Card clicks", "clicks"),
    ("End screen element clicks", "clicks"),
    # GA4 events, tech and demographics, Indonesian UI
    ("Event count per active user", "events_per_user"),
    ("Rata-rata waktu interaksi per sesi", "time_on_page"),
    # Google Ads defaults, English and Indonesian
    ("Interaction rate", "engagement_rate_impressions"),
    ("Avg. cost", "cost_per_engagement"),
    ("Biaya rata-rata", "cost_per_engagement"),
    ("All conv.", "all_conversions"),
    ("Semua konv.", "all_conversions"),
    ("All conv. value", "revenue"),
    ("Avg. CPV", "cpv"),
    ("View rate", "view_rate"),
    ("CPC rata-rata", "cpc"),
    ("CPM rata-rata", "cpm"),
    ("Biaya/konv.", "cpa"),
    ("Rasio konv.", "conversion_rate"),
    ("Nilai konv./biaya", "roas"),
    # Google Business Profile
    ("Food orders", "purchases"),
    ("Food menu clicks", "product_clicks"),
    ("Hotel bookings", "bookings"),
    ("Klik situs", "link_clicks"),
    # Shopee shop stats (Indonesian and English) and Shopee Ads
    ("Pesanan Dibatalkan", "cancelled_orders"),
    ("Cancelled Orders", "cancelled_orders"),
    ("Penjualan Dibatalkan (IDR)", "cancelled_sales"),
    ("Cancelled Sales (IDR)", "cancelled_sales"),
    ("Pesanan Dikembalikan", "returned_orders"),
    ("Returned/Refunded Orders", "returned_orders"),
    ("Penjualan Dikembalikan (IDR)", "refunds"),
    ("Returned/Refunded Sales (IDR)", "refunds"),
    ("Total Pembeli Baru", "first_time_buyers"),
    ("New Buyers", "first_time_buyers"),
    ("Total Pembeli Saat Ini", "returning_buyers"),
    ("Existing Buyers", "returning_buyers"),
    ("Sales per Order (IDR)", "average_order_value"),
    ("Konversi Langsung", "conversions"),
    ("Direct Conversions", "conversions"),
    ("Tingkat Konversi Langsung", "conversion_rate"),
    ("Biaya per Konversi Langsung", "cpa"),
    ("Terjual Langsung", "units_sold"),
    ("Direct Items Sold", "units_sold"),
    ("Penjualan Langsung dari Iklan", "revenue"),
    ("Direct GMV", "gmv"),
    ("Efektivitas Langsung", "roas"),
    ("Direct ROAS", "roas"),
    ("Direct ACOS", "acos"),
    ("Expense", "spend"),
    # TikTok Shop
    ("Refunds", "refunds"),
    ("Pengembalian dana", "refunds"),
    ("GMV dari video", "creator_gmv"),
    # Names the fixtures carried that were still unknown
    ("Lifetime Post Consumers", "clickers"),
    ("Unique clicks (all)", "clickers"),
    ("cost_per_onsite_shopping_sku", "cost_per_purchase"),
)

# Non-metric columns from the layouts in FORMATS.md, and the role each plays.
ROLE_COLUMNS = (
    ("Durasi video", "attribute"),  # a TikTok Shop video's length ('48s'), not a metric
    ("Date", "date"),
    ("Tanggal", "date"),
    ("time", "date"),
    ("Day", "date"),
    ("By Day", "date"),
    ("Reporting starts", "date"),
    ("Awal pelaporan", "date"),
    ("Publish time", "date"),
    ("Waktu penerbitan", "date"),
    ("Created date", "date"),
    ("Video publish time", "date"),
    ("Time period", "date"),
    ("Minggu", "date"),
    ("Channel", "channel"),
    ("Platform", "channel"),
    ("Saluran", "channel"),
    ("Placement", "placement"),
    ("Penempatan", "placement"),
    ("Campaign name", "campaign"),
    ("Nama kampanye", "campaign"),
    ("Campaign", "campaign"),
    ("Post ID", "post_id"),
    ("Tweet id", "post_id"),
    ("Tweet ID", "post_id"),
    ("Post id", "post_id"),
    ("ID Postingan", "post_id"),
    ("Content", "post_id"),
    ("Metric", "metric_name"),
    ("Metrik", "metric_name"),
    ("Value", "value"),
    ("Nilai", "value"),
    ("Primary", "value"),
    ("Result type", "result_type"),
    ("Jenis hasil", "result_type"),
    ("Result indicator", "result_type"),
    ("Indikator Hasil", "result_type"),
    ("Currency", "currency"),
    ("Currency code", "currency"),
    ("Mata uang", "currency"),
    ("Page ID", "attribute"),
    ("Page name", "attribute"),
    ("Title", "attribute"),
    ("Description", "attribute"),
    ("Duration (sec)", "attribute"),
    ("Caption type", "attribute"),
    ("Permalink", "attribute"),
    ("Is crosspost", "attribute"),
    ("Is share", "attribute"),
    ("Post type", "attribute"),
    ("Languages", "attribute"),
    ("Custom labels", "attribute"),
    ("Funded content status", "attribute"),
    ("Data comment", "attribute"),
    ("Account ID", "attribute"),
    ("Account username", "attribute"),
    ("Account name", "attribute"),
    ("ID Akun", "attribute"),
    ("Nama pengguna akun", "attribute"),
    ("Nama akun", "attribute"),
    ("Deskripsi", "attribute"),
    ("Jenis postingan", "attribute"),
    ("Campaign ID", "attribute"),
    ("Ad set name", "attribute"),
    ("Ad name", "attribute"),
    ("Reporting ends", "attribute"),
    ("Akhir pelaporan", "attribute"),
    ("Berakhir", "attribute"),
    ("Status Penayangan", "attribute"),
    ("Delivery status", "attribute"),
    ("Tweet permalink", "attribute"),
    ("Tweet text", "attribute"),
    ("Tweet Text", "attribute"),
    ("Post text", "attribute"),
    ("Post Link", "attribute"),
    ("Post title", "attribute"),
    ("Audience", "attribute"),
    ("Content Type", "attribute"),
    ("Video title", "attribute"),
    ("Duration", "attribute"),
    # A row's own key where it is not a post (models.TIDY_COLUMNS: `post_id`).
    ("Page path and screen class", "post_id"),
    ("Budget", "attribute"),
    ("Store code", "post_id"),
    # A TikTok Shop LIVE list names each LIVE, as a video list numbers each video.
    ("Nama LIVE", "post_id"),
    ("LIVE name", "post_id"),
    ("Business name", "attribute"),
    ("Address", "attribute"),
    ("Labels", "attribute"),
    ("Username", "attribute"),
    ("Nama Toko", "attribute"),
    ("ID Toko", "attribute"),
    ("ID Campaign", "attribute"),
    ("ID produk", "attribute"),
    ("ID Produk", "attribute"),
    ("Jenis materi iklan", "attribute"),
)

CHANNEL_NAMES = (
    ("Facebook", "facebook"),
    ("FB", "facebook"),
    ("Meta", "facebook"),
    ("Instagram", "instagram"),
    ("IG", "instagram"),
    ("Insta", "instagram"),
    ("TikTok", "tiktok"),
    ("TT", "tiktok"),
    ("TikTok Ads", "tiktok"),
    ("X", "x"),
    ("Twitter", "x"),
    ("X (Twitter)", "x"),
    ("LinkedIn", "linkedin"),
    ("LI", "linkedin"),
    ("YouTube", "youtube"),
    ("YT", "youtube"),
    ("Website", "website"),
    ("Web", "website"),
    ("Site", "website"),
    ("Situs web", "website"),
    ("GA4", "website"),
    ("Google Analytics", "website"),
    ("Email", "email"),
    ("E-mail", "email"),
    ("Newsletter", "email"),
    ("EDM", "email"),
    ("Google Ads", "search"),
    ("Google Search", "search"),
    ("Search", "search"),
    ("Shopee", "shopee"),
    ("Shopee Ads", "shopee"),
    ("Toko Shopee", "shopee"),
    # A channel's own name beats `meta`, a nickname both Meta apps share.
    ("meta_bs_instagram_jangkauan_daily", "instagram"),
    ("Tokopedia", "tokopedia"),
    ("Tokped", "tokopedia"),
    ("TikTok Shop", "tokopedia"),
    ("Toko Tokopedia", "tokopedia"),
    ("WhatsApp", "whatsapp"),
    ("WA", "whatsapp"),
    ("Store", "store"),
    ("Toko", "store"),
    ("Offline", "store"),
    ("Google Business Profile", "store"),
    ("GBP", "store"),
    ("Google Maps", "store"),
    ("Other", "other"),
    ("Lainnya", "other"),
)

CHANNEL_KINDS = {
    "facebook": ChannelKind.SOCIAL,
    "instagram": ChannelKind.SOCIAL,
    "tiktok": ChannelKind.SOCIAL,
    "x": ChannelKind.SOCIAL,
    "linkedin": ChannelKind.SOCIAL,
    "youtube": ChannelKind.SOCIAL,
    "website": ChannelKind.WEB,
    "email": ChannelKind.EMAIL,
    "search": ChannelKind.SEARCH,
    "shopee": ChannelKind.MARKETPLACE,
    "tokopedia": ChannelKind.MARKETPLACE,
    "whatsapp": ChannelKind.MESSAGING,
    "store": ChannelKind.OFFLINE,
    "other": ChannelKind.WEB,
}


def _ids() -> set[str]:
    return set(catalogue.metric_ids())


@pytest.mark.parametrize("metric_id", REQUIRED_METRICS)
def test_required_metric_exists(metric_id: str) -> None:
    """Every canonical metric id DESIGN.md promises is in the catalogue."""
    assert metric_id in _ids()


def test_catalogue_validates() -> None:
    """The packaged catalogue loads, and ids are unique."""
    cat = catalogue.load()
    ids = catalogue.metric_ids()
    assert len(ids) == len(set(ids)) == len(cat.metrics)


@pytest.mark.parametrize(("metric_id", "parts", "scale"), RATES)
def test_rate_declares_its_parts(metric_id: str, parts: tuple[str, str], scale: float) -> None:
    """Each rate DESIGN.md names declares its numerator, denominator and scale."""
    m = catalogue.metric(metric_id)
    assert m.parts == parts
    assert m.scale == scale


def test_every_part_is_a_metric() -> None:
    """A rate's parts are themselves catalogue metrics, and a rate has two of them."""
    for m in catalogue.load().metrics:
        assert len(m.parts) in (0, 2), m.id
        assert set(m.parts) <= _ids(), m.id


def test_roi_has_no_simple_parts() -> None:
    """ROI is (revenue - spend) / spend, computed specially, so it declares no parts."""
    assert catalogue.metric("roi").parts == ()


def test_sales_flag_exactly_on_sales_metrics() -> None:
    """The sales flag is set on sales and revenue metrics, and on nothing else."""
    flagged = {m.id for m in catalogue.load().metrics if m.sales}
    assert flagged == SALES_METRICS


@pytest.mark.parametrize(
    "metric_id", ["add_to_cart", "checkouts", "conversions", "sign_ups", "leads", "spend"]
)
def test_conversions_are_not_sales(metric_id: str) -> None:
    """A conversion is not always a sale: sign-ups, carts and checkouts carry no sales flag."""
    assert not catalogue.metric(metric_id).sales


def test_only_audience_sizes_are_cumulative() -> None:
    """Followers and an email list's size are running totals; counts gained in a period are not."""
    assert {m.id for m in catalogue.load().metrics if m.cumulative} == {
        "followers", "email_subscribers",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("metric_id", "unit"),
    [
        ("spend", "money"), ("revenue", "money"), ("gmv", "money"), ("cpm", "money"),
        ("cpc", "money"), ("cpc_link", "money"), ("cpl", "money"), ("cpa", "money"),
        ("cost_per_result", "money"), ("average_order_value", "money"),
        ("ctr", "fraction"), ("engagement_rate", "fraction"), ("conversion_rate", "fraction"),
        ("roas", "fraction"), ("roi", "fraction"), ("repeat_purchase_rate", "fraction"),
        ("watch_time", "seconds"), ("average_view_duration", "seconds"),
        ("time_on_page", "seconds"), ("reach", "count"), ("purchases", "count"),
    ],
)  # fmt: skip
def test_unit(metric_id: str, unit: str) -> None:
    """Money metrics carry the file's currency, rates are fractions, durations are seconds."""
    assert catalogue.metric(metric_id).unit == unit


def test_rates_are_efficiency() -> None:
    """Every metric with parts is an efficiency measure, never a count of actions."""
    for m in catalogue.load().metrics:
        if m.parts:
            assert m.action == ActionKind.EFFICIENCY, m.id
            assert m.unit in {"fraction", "money", "seconds"}, m.id


@pytest.mark.parametrize(
    ("metric_id", "stage", "action"),
    [
        ("reach", Stage.AWARENESS, ActionKind.MICRO),
        ("impressions", Stage.AWARENESS, ActionKind.MICRO),
        ("cpm", Stage.AWARENESS, ActionKind.EFFICIENCY),
        ("likes", Stage.INTEREST, ActionKind.MICRO),
        ("link_clicks", Stage.INTEREST, ActionKind.MICRO),
        ("cpc", Stage.INTEREST, ActionKind.EFFICIENCY),
        ("engagement_rate", Stage.INTEREST, ActionKind.EFFICIENCY),
        ("time_on_page", Stage.EVALUATION, ActionKind.MICRO),
        ("leads", Stage.EVALUATION, ActionKind.MACRO),
        ("demo_requests", Stage.EVALUATION, ActionKind.MACRO),
        ("messaging_conversations", Stage.EVALUATION, ActionKind.MACRO),
        ("direction_requests", Stage.CONVERSION, ActionKind.MACRO),
        ("store_visits", Stage.CONVERSION, ActionKind.MACRO),
        ("sign_ups", Stage.CONVERSION, ActionKind.MACRO),
        ("purchases", Stage.CONVERSION, ActionKind.MACRO),
        ("revenue", Stage.CONVERSION, ActionKind.OUTCOME),
        ("spend", Stage.AWARENESS, ActionKind.COST),
        ("roas", Stage.CONVERSION, ActionKind.EFFICIENCY),
        ("repeat_purchases", Stage.RETENTION, ActionKind.MACRO),
    ],
)
def test_stage_and_action(metric_id: str, stage: Stage, action: ActionKind) -> None:
    """Metrics sit at seed 002's funnel stage, as micro or macro actions, costs or rates."""
    m = catalogue.metric(metric_id)
    assert (m.stage, m.action) == (stage, action)


def test_labels_in_both_languages() -> None:
    """Every metric and channel has an English and an Indonesian label."""
    cat = catalogue.load()
    for item in (*cat.metrics, *cat.channels):
        assert item.label.en.strip() and item.label.id.strip(), item.id


@pytest.mark.parametrize(("header", "expected"), METRIC_HEADERS)
def test_platform_header_maps(header: str, expected: str) -> None:
    """A metric header as a platform exports it maps to its canonical metric with score 1."""
    match = match_metric(header)
    assert (match.metric, match.score) == (expected, 1.0)


def test_currency_suffix_kept() -> None:
    """A Meta Ads header with a currency suffix maps to spend and keeps the currency."""
    header = catalogue.parse_header("Amount spent (IDR)")
    assert header.currency == "IDR"
    assert match_metric(header).metric == "spend"


@pytest.mark.parametrize(
    ("header", "placement"),
    [
        ("Impressions (organic)", "organic"),
        ("Impressions (sponsored)", "paid"),
        ("promoted impressions", "paid"),
        ("Lifetime Post Paid Reach", "paid"),
        ("Lifetime Post organic reach", "organic"),
        ("Impressions (total)", "total"),
    ],
)
def test_placement_word_found_and_stripped(header: str, placement: str) -> None:
    """A placement word in a header sets its placement and the rest still finds the metric."""
    assert catalogue.parse_header(header).placement == placement
    assert match_metric(header).score == 1.0


@pytest.mark.parametrize(
    "header", ["IMPRESSIONS", "impressions", " Impressions ", "Impressions!", "Ímpressiöns"]
)
def test_matching_ignores_case_accents_punctuation(header: str) -> None:
    """Matching ignores case, accents, punctuation and surrounding spaces."""
    assert match_metric(header).metric == "impressions"
    assert match_metric(header).score == 1.0


@pytest.mark.parametrize(
    ("header", "expected"), [("Impresions", "impressions"), ("Jangkaun", "reach")]
)
def test_misspelled_header_maps_fuzzily(header: str, expected: str) -> None:
    """A misspelled header maps fuzzily, with a score below 1 that is kept."""
    match = match_metric(header)
    assert match.metric == expected
    assert FUZZY_MAP_SCORE <= match.score < 1.0
    assert match.via == "fuzzy"


@pytest.mark.parametrize("header", ["Zodiac sign", "", "   ", "???", "12345"])
def test_nonsense_header_maps_to_none(header: str) -> None:
    """A header that names no metric maps to None without raising."""
    match = match_metric(header)
    assert match.metric is None
    assert match.score < FUZZY_MAP_SCORE


@pytest.mark.parametrize(("name", "role"), ROLE_COLUMNS)
def test_non_metric_column_has_role(name: str, role: str) -> None:
    """Date, id, text and link columns resolve to their role, so they are never unknown."""
    assert catalogue.role_of(catalogue.parse_header(name)) == role


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Post ID", "post"), ("Tweet id", "post"), ("Content", "post"), ("ID Video", "video"),
     ("Nama LIVE", "live"), ("Page path and screen class", "page"),
     ("Landing page", "landing_page"), ("Store code", "store"), ("Sumber lalu lintas",
     "traffic_source"), ("Campaign name", None)],
)  # fmt: skip
def test_a_key_column_names_the_kind_of_thing_it_keys(name: str, kind: str | None) -> None:
    """A post id keys posts and a page path pages: keys of different kinds never match."""
    header = catalogue.parse_header(name)
    assert catalogue.key_kind(header) == kind
    assert (catalogue.role_of(header) == "post_id") == (kind is not None)


def test_no_name_is_both_role_and_metric() -> None:
    """A column name means either a role or a metric, never both."""
    roles = {catalogue.normalize(a) for names in catalogue.load().roles.values() for a in names}
    metrics = {
        catalogue.normalize(a)
        for m in catalogue.load().metrics
        for a in (m.id, m.label.en, m.label.id, *m.aliases)
    }
    assert roles & metrics == set()


def test_no_role_name_claimed_twice() -> None:
    """Each role name belongs to one role."""
    names = [catalogue.normalize(a) for ns in catalogue.load().roles.values() for a in ns]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("name", "expected"), CHANNEL_NAMES)
def test_channel_name_maps(name: str, expected: str) -> None:
    """A channel's common names and abbreviations map to its id."""
    assert match_channel(name) == expected


@pytest.mark.parametrize("name", ["", "Zodiac", "Carrier pigeon"])
def test_unknown_channel_is_none(name: str) -> None:
    """A channel name the catalogue does not know maps to None."""
    assert match_channel(name) is None


@pytest.mark.parametrize(("channel_id", "kind"), CHANNEL_KINDS.items())
def test_channel_kind(channel_id: str, kind: ChannelKind) -> None:
    """Each channel id has the kind that decides where sales metrics belong."""
    assert catalogue.channel(channel_id).kind == kind


def test_channel_ids_exactly_design() -> None:
    """The catalogue has exactly the channel ids DESIGN.md lists."""
    assert {c.id for c in catalogue.load().channels} == set(CHANNEL_KINDS)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Toko", "store"), ("Toko Kita", None), ("laporan toko kita september", None)],
)
def test_a_shop_named_toko_is_not_a_physical_store(name: str, expected: str | None) -> None:
    """`Toko` alone is the store channel; a shop's name with `Toko` in it says no channel."""
    assert catalogue.match_channel(name) == expected


def test_indonesian_labels_keep_no_english_word_of_ga4() -> None:
    """GA4's engaged sessions per user reads "Sesi dengan interaksi per pengguna" in Bahasa
    Indonesia, as engaged sessions do, never "Sesi engaged"."""
    words = {"engaged", "engagement", "returning", "users", "sessions", "events", "views"}
    for m in catalogue.load().metrics:
        texts = [m.label.id, *([m.per.id] if m.per else [])]
        assert not {w for x in texts for w in x.casefold().split()} & words, m.id
    per_user = catalogue.metric("engaged_sessions_per_user").label.id
    assert per_user.startswith(catalogue.metric("engaged_sessions").label.id)


def test_the_catalogues_ids_are_listed_once_not_for_every_label() -> None:
    """Naming a metric looks its id up in one list kept for the process, not in a new one each
    time (the verdicts page names hundreds of metrics per draw)."""
    assert catalogue.metric_ids() is catalogue.metric_ids()
    assert catalogue.channel_ids() is catalogue.channel_ids()
