# Online giving in a local cluster. Its nodes are production nodes (PostgreSQL), so they take online
# money only through WeChat Pay; here WeChat Pay is played by a stand-in (the load harness's, or a test's)
# on 127.0.0.1:$STANDIN_PORT. `up` makes the merchant's and the "platform's" keys in DIR/wechatpay: the
# nodes get the merchant's private key, the platform's public key and the APIv3 key in their settings;
# the stand-in reads the other halves from the same folder (CharityDay.Testing's WeChatPayStandInFolder).

init_wechatpay() {
  local folder="$DIR/wechatpay" digits
  mkdir -p "$folder"; chmod 700 "$folder"
  for key in merchant platform; do
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$folder/$key-key.pem" 2>/dev/null \
      || die "openssl could not make the $key key for the WeChat Pay stand-in"
    openssl pkey -in "$folder/$key-key.pem" -pubout -out "$folder/$key-public.pem" 2>/dev/null
  done
  digits=$(od -An -N14 -tu1 /dev/urandom | tr -s ' ' '\n' | grep -v '^$' | while read -r b; do printf '%d' $((b % 10)); done)
  cat >"$folder/standin.env" <<EOF2
# The WeChat Pay stand-in of this cluster (see deploy/lib/payments.sh); secrets: owner only.
STANDIN_PORT=$STANDIN_PORT
MCH_ID=19${digits:0:8}
APP_ID=wx$(random_hex 8)
MERCHANT_SERIAL=$(random_hex 20 | tr a-f A-F)
PLATFORM_SERIAL=PUB_KEY_ID_01${digits}
API_V3_KEY=$(random_hex 16)
EOF2
}

# The Payments__* lines of a node's node.env.
wechatpay_node_env() {
  local folder="$DIR/wechatpay"
  # shellcheck source=/dev/null
  . "$folder/standin.env"
  cat <<EOF2
Payments__Provider=wechatpay
Payments__WeChatPay__MchId=$MCH_ID
Payments__WeChatPay__AppId=$APP_ID
Payments__WeChatPay__MerchantSerialNo=$MERCHANT_SERIAL
Payments__WeChatPay__MerchantPrivateKeyFile=$folder/merchant-key.pem
Payments__WeChatPay__ApiV3Key=$API_V3_KEY
Payments__WeChatPay__PlatformPublicKeys__$PLATFORM_SERIAL=File:$folder/platform-public.pem
Payments__WeChatPay__NotifyUrl=$BALANCER_URL/api/payments/wechatpay/notify
Payments__WeChatPay__AllowHttpNotifyUrl=true
Payments__WeChatPay__BaseUrl=http://127.0.0.1:$STANDIN_PORT
EOF2
}
