// Client-rendered app: the server only hands out the shell, the API and the socket.
export const ssr = false;
export const prerender = false;
