<?php
/*
 * The ground truth, read from WordPress itself: every published post and
 * page as WordPress renders it (permalink, the_title, the_content filters,
 * dates, terms, author), with its approved comments (comment_text filters,
 * parent, author, dates) and the texts of the comments no visitor sees.
 * Payload: none.  Prints {"site": {...}, "posts": [...]}.
 */
require __DIR__ . '/_boot.php';
newsarchive_input();
require_once NEWSARCHIVE_WP_LOAD;

function newsarchive_comment($c)
{
    return [
        'id' => (string) $c->comment_ID,
        'parent' => $c->comment_parent ? (string) $c->comment_parent : null,
        'type' => $c->comment_type,
        'author' => get_comment_author($c),
        'author_url' => get_comment_author_url($c),
        'user_id' => (int) $c->user_id,
        'date_gmt' => $c->comment_date_gmt,
        'date' => $c->comment_date,
        'html' => apply_filters('comment_text', get_comment_text($c), $c, []),
        'content' => $c->comment_content,
    ];
}

$posts = [];
$all = get_posts([
    'post_type' => ['post', 'page'],
    'post_status' => 'publish',
    'numberposts' => -1,
    'orderby' => 'ID',
    'order' => 'ASC',
]);
foreach ($all as $p) {
    $GLOBALS['post'] = $p;
    setup_postdata($p);
    $approved = get_comments(['post_id' => $p->ID, 'status' => 'approve', 'orderby' => 'comment_ID', 'order' => 'ASC']);
    $hidden = get_comments(['post_id' => $p->ID, 'status' => ['hold', 'spam', 'trash'], 'orderby' => 'comment_ID']);
    $posts[] = [
        'id' => $p->ID,
        'type' => $p->post_type,
        'url' => get_permalink($p),
        'title' => get_the_title($p),
        'date_gmt' => $p->post_date_gmt,
        'date' => $p->post_date,
        'modified_gmt' => $p->post_modified_gmt,
        'modified' => $p->post_modified,
        'html' => apply_filters('the_content', $p->post_content),
        'categories' => array_map(fn($t) => $t->name, get_the_category($p->ID)),
        'tags' => array_map(fn($t) => $t->name, get_the_tags($p->ID) ?: []),
        'author' => get_the_author_meta('display_name', $p->post_author),
        'author_url' => get_author_posts_url($p->post_author),
        'author_bio' => get_the_author_meta('description', $p->post_author),
        'comment_status' => $p->comment_status,
        'comment_count' => (int) $p->comment_count,
        /* the pages the thread is shown on, as the theme's navigation counts them */
        'comment_pages' => (int) get_comment_pages_count($approved, (int) get_option('comments_per_page'), true),
        'comments' => array_map('newsarchive_comment', $approved),
        'hidden_comments' => array_map(fn($c) => $c->comment_content, $hidden),
    ];
}
wp_reset_postdata();
newsarchive_output([
    'site' => [
        'home' => home_url('/'),
        'timezone' => get_option('timezone_string'),
        'theme' => get_stylesheet(),
        'default_comments_page' => get_option('default_comments_page'),
        'comments_per_page' => (int) get_option('comments_per_page'),
        'rest' => get_rest_url(),
    ],
    'posts' => $posts,
]);
