<?php
/*
 * Shared start of the php-cli scripts: load WordPress for the test site that
 * the environment names (HTTP_HOST, WORDPRESS_CONFIG: Debian's wp-config.php
 * reads /etc/wordpress/config-$WORDPRESS_CONFIG.php), read the JSON payload
 * from stdin, and print one JSON value on stdout (anything else WordPress
 * prints goes to stderr).
 */
$_SERVER['HTTP_HOST'] = getenv('HTTP_HOST');
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = explode(':', getenv('HTTP_HOST'))[1] ?? '80';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
ini_set('display_errors', 'stderr');
ob_start();

function newsarchive_input()
{
    return json_decode(stream_get_contents(STDIN), true);
}

function newsarchive_output($value)
{
    $noise = ob_get_clean();
    if ($noise !== '' && $noise !== false) {
        fwrite(STDERR, $noise);
    }
    echo json_encode($value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
}

/* WordPress is loaded at the top level of each script (its files set globals). */
const NEWSARCHIVE_WP_LOAD = '/usr/share/wordpress/wp-load.php';
