<?php
/* Install WordPress without a browser: wp_install(), as the install screen does.
 * Payload: {title, user, email, password}.  Prints {"user_id": N}. */
require __DIR__ . '/_boot.php';
define('WP_INSTALLING', true);

/* no mail on this machine: the install screen's notice to the admin is skipped */
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password)
{
}

$in = newsarchive_input();
require_once NEWSARCHIVE_WP_LOAD;
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install($in['title'], $in['user'], $in['email'], true, '', wp_slash($in['password']));
newsarchive_output(['user_id' => $result['user_id']]);
