<?php
/*
 * Fill the site from the plan that tests/wordpress/content.py makes, through
 * WordPress's own functions (wp_insert_user, wp_insert_post, wp_update_post,
 * wp_insert_comment, update_option).  Payload: the plan.  Prints the ids given.
 * Dates come as UTC ("date_gmt"); the local dates are WordPress's own
 * conversion in the site's timezone (set first).
 */
require __DIR__ . '/_boot.php';
$plan = newsarchive_input();
require_once NEWSARCHIVE_WP_LOAD;
require_once ABSPATH . 'wp-admin/includes/post.php';

function newsarchive_fail($what)
{
    fwrite(STDERR, $what . "\n");
    exit(1);
}

function newsarchive_check($result, $what)
{
    if (is_wp_error($result) || !$result) {
        newsarchive_fail($what . ': ' . (is_wp_error($result) ? $result->get_error_message() : 'failed'));
    }
    return $result;
}

foreach ($plan['options'] as $name => $value) {
    update_option($name, $value);
}
flush_rewrite_rules(false);

/* WordPress's sample content goes: the site holds only the plan */
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $p) {
    wp_delete_post($p->ID, true);
}

$users = ['admin' => get_user_by('login', 'admin')->ID];
foreach ($plan['users'] as $u) {
    $users[$u['login']] = newsarchive_check(wp_insert_user([
        'user_login' => $u['login'],
        'user_pass' => 'pw-' . $u['login'],
        'user_email' => $u['login'] . '@example.org',
        'display_name' => $u['display_name'],
        'first_name' => $u['first_name'],
        'last_name' => $u['last_name'],
        'nickname' => $u['display_name'],
        'description' => $u['description'],
        'role' => 'author',
    ]), 'user ' . $u['login']);
}

$cats = [];
foreach ($plan['categories'] as $name) {
    $cats[$name] = newsarchive_check(wp_insert_term($name, 'category'), 'category ' . $name)['term_id'];
}

$ids = ['posts' => [], 'comments' => []];
foreach ($plan['posts'] as $p) {
    $postarr = [
        'post_type' => $p['type'],
        'post_status' => 'publish',
        'post_title' => wp_slash($p['title']),
        'post_content' => wp_slash($p['content']),
        'post_author' => $users[$p['author']],
        'post_date_gmt' => $p['date_gmt'],
        'post_date' => get_date_from_gmt($p['date_gmt']),
        'comment_status' => 'open',
        'ping_status' => 'closed',
    ];
    if ($p['type'] === 'post') {
        $postarr['post_category'] = [$cats[$p['category']]];
        $postarr['tags_input'] = $p['tags'];
    }
    $id = newsarchive_check(wp_insert_post($postarr, true), 'post ' . $p['key']);
    $ids['posts'][$p['key']] = $id;
    if (!empty($p['image_file'])) {
        $file = WP_CONTENT_DIR . '/uploads/' . $p['image_file'];
        wp_mkdir_p(dirname($file));
        /* a 1x1 PNG: the page needs an image that exists, not a photograph */
        file_put_contents($file, base64_decode(
            'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
        ));
    }
    $keys = [];
    foreach ($p['comments'] as $c) {
        $commentarr = [
            'comment_post_ID' => $id,
            'comment_parent' => $c['parent'] ? $keys[$c['parent']] : 0,
            'comment_date_gmt' => $c['date_gmt'],
            'comment_date' => get_date_from_gmt($c['date_gmt']),
            'comment_content' => $c['content'],
            'comment_approved' => $c['status'],
            'comment_type' => 'comment',
            'comment_agent' => 'newsarchive-tests',
            'comment_author_IP' => '127.0.0.1',
        ];
        if (!empty($c['user'])) {
            $user = get_userdata($users[$c['user']]);
            $commentarr['user_id'] = $user->ID;
            $commentarr['comment_author'] = $user->display_name;
            $commentarr['comment_author_email'] = $user->user_email;
            $commentarr['comment_author_url'] = '';
        } else {
            $commentarr['comment_author'] = $c['author'];
            $commentarr['comment_author_email'] = $c['email'];
            $commentarr['comment_author_url'] = $c['url'] ?? '';
        }
        $keys[$c['key']] = newsarchive_check(wp_insert_comment($commentarr), 'comment ' . $c['key']);
        $ids['comments'][$p['key'] . ':' . $c['key']] = $keys[$c['key']];
    }
    if (!empty($p['update'])) {
        /* edited after publication: a new revision, then the edit's time as planned */
        $added = esc_html($p['update']['paragraph']);
        if (has_blocks($p['content'])) {
            $added = "<!-- wp:paragraph -->\n<p>" . $added . "</p>\n<!-- /wp:paragraph -->";
        }
        $content = $p['content'] . "\n\n" . $added;
        newsarchive_check(wp_update_post(['ID' => $id, 'post_content' => wp_slash($content)], true), 'update');
        $GLOBALS['wpdb']->update($GLOBALS['wpdb']->posts, [
            'post_modified_gmt' => $p['update']['modified_gmt'],
            'post_modified' => get_date_from_gmt($p['update']['modified_gmt']),
        ], ['ID' => $id]);
        clean_post_cache($id);
    }
    if ($p['comment_status'] !== 'open') {
        /* closed after the discussion: the thread stays, the form goes */
        $GLOBALS['wpdb']->update($GLOBALS['wpdb']->posts, ['comment_status' => $p['comment_status']], ['ID' => $id]);
        clean_post_cache($id);
    }
}

foreach ($plan['pingbacks'] as $k => $ping) {
    $post_id = $ids['posts'][$ping['post']];
    $post = get_post($post_id);
    $last = get_comments(['post_id' => $post_id, 'number' => 1, 'orderby' => 'comment_date_gmt', 'order' => 'DESC']);
    $gmt = $last ? $last[0]->comment_date_gmt : $post->post_date_gmt;
    $gmt = gmdate('Y-m-d H:i:s', strtotime($gmt . ' UTC') + 3600);
    $ids['comments'][$ping['post'] . ':ping' . $k] = newsarchive_check(wp_insert_comment([
        'comment_post_ID' => $post_id,
        'comment_author' => 'Other voices',
        'comment_author_url' => $ping['source'],
        'comment_author_email' => '',
        'comment_content' => '[&#8230;] we wrote about this before [&#8230;]',
        'comment_type' => 'pingback',
        'comment_approved' => '1',
        'comment_date_gmt' => $gmt,
        'comment_date' => get_date_from_gmt($gmt),
    ]), 'pingback');
}
newsarchive_output($ids);
